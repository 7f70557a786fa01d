import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { OrgRole } from '@coalesce/domain';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  organizationId: string;
  orgRole: OrgRole;
}

/** Queries on users; other modules reach users through this repository. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** With the password hash, for sign-in. */
  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findHashById(id: string): Promise<string | null> {
    return this.users
      .createQueryBuilder('u')
      .select('u.passwordHash', 'hash')
      .where('u.id = :id', { id })
      .getRawOne<{ hash: string }>()
      .then((row) => row?.hash ?? null);
  }

  emailExists(email: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ email: email.toLowerCase() });
  }

  create(user: NewUser, manager: EntityManager): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }

  listByOrganization(organizationId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  countActiveAdmins(organizationId: string, manager?: EntityManager): Promise<number> {
    return this.repo(manager)
      .createQueryBuilder('u')
      .where('u.organizationId = :organizationId', { organizationId })
      .andWhere("u.orgRole = 'admin'")
      .andWhere('u.disabledAt IS NULL')
      .getCount();
  }

  async update(
    id: string,
    patch: Partial<Pick<UserEntity, 'orgRole' | 'disabledAt' | 'name' | 'passwordHash' | 'email'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, patch);
  }

  private repo(manager?: EntityManager): Repository<UserEntity> {
    return manager ? manager.getRepository(UserEntity) : this.users;
  }
}
