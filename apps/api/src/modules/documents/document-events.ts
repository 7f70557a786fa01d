import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { LiveEvents } from '../../core/realtime/live-events.js';

/**
 * Announces document changes (`entity:changed`, type 'document') to the organizations that may see
 * the document, plus any that just lost sight of it (sharing narrowed, deleted) so their lists
 * refresh too. A private document is never announced to the rest of the coalition.
 */
@Injectable()
export class DocumentEvents {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly live: LiveEvents,
  ) {}

  /** The organizations that may see the document now. */
  async audience(docId: string): Promise<string[]> {
    return [...(await this.policy.documentAudience(docId)).keys()];
  }

  async announce(
    coalitionId: string,
    docId: string,
    action: 'created' | 'updated' | 'deleted',
    alsoTell: string[] = [],
  ): Promise<void> {
    const organizationIds = [...new Set([...(await this.audience(docId)), ...alsoTell])];
    if (!organizationIds.length) return;
    this.live.entityChanged({ coalitionId, type: 'document', id: docId, action, organizationIds });
  }
}
