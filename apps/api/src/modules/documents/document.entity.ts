import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocKind, DocPermission } from '@coalesce/domain';
import { Timestamped } from '../../core/database/timestamps.js';

/** A co-edited document of a coalition; its content lives in the collaboration engine's tables. */
@Entity('documents')
export class DocumentEntity extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'coalition_id', type: 'uuid' })
  coalitionId!: string;

  @Column({ name: 'owner_org_id', type: 'uuid' })
  ownerOrgId!: string;

  @Column({ name: 'working_group_id', type: 'uuid', nullable: true })
  workingGroupId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: DocKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'is_private', type: 'boolean', default: false })
  isPrivate!: boolean;

  @Column({ name: 'coalition_permission', type: 'varchar', length: 8, nullable: true })
  coalitionPermission!: DocPermission | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  /** Who last changed the title or (recorded at most once a minute) the content. */
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  /** Plain text of the content for search, refreshed off the collaboration path. */
  @Column({ name: 'search_text', type: 'text', select: false, default: '' })
  searchText!: string;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
