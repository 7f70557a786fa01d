import { Injectable } from '@nestjs/common';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { AccessRequestStatus } from '@coalesce/protocol';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { MapRow } from './case-map-layers.repository.js';
import { AccessRequestsRepository } from './access-requests.repository.js';
import type { AccessRequestRow } from './access-requests.repository.js';

/** Live event type of access requests (id: the request, parentId: the map). */
export const ACCESS_REQUEST_ENTITY = 'case-map-access-request';

const ANSWERS: Record<Exclude<AccessRequestStatus, 'pending'>, string> = {
  'granted-layer': 'Granted: your organization can now read their private layer of this map.',
  'shared-node': 'Shared: the node’s details are now on the shared map.',
  declined: 'Declined.',
};

/**
 * Who hears about access requests: the owner organization's people get a notification of each new
 * request, the person who asked gets the answer; both organizations' lists refresh live. Texts name
 * the node's type only, never its details.
 */
@Injectable()
export class AccessRequestNotices {
  constructor(
    private readonly repo: AccessRequestsRepository,
    private readonly notifications: NotificationsService,
    private readonly live: LiveEvents,
  ) {}

  async requested(
    map: MapRow,
    request: Omit<AccessRequestRow, 'status'>,
    message: string,
  ): Promise<void> {
    const label = MAP_NODE_TYPE_LABELS[request.nodeType];
    const recipients = await this.repo.activeUsersOf(request.ownerOrgId);
    await this.notifications.notify(
      recipients.map((userId) => ({
        userId,
        kind: 'map-access-request' as const,
        actorUserId: request.requestedByUserId,
        coalitionId: map.coalitionId,
        documentId: map.id,
        excerpt: `${label} node${message ? `: ${message}` : ''}`.slice(0, 140),
      })),
    );
    this.changed(map, request, 'created');
  }

  async resolved(map: MapRow, requests: AccessRequestRow[], resolverUserId: string): Promise<void> {
    const items = requests
      .filter((r) => r.requestedByUserId && r.requestedByUserId !== resolverUserId)
      .map((r) => ({
        userId: r.requestedByUserId!,
        kind: 'map-access-resolved' as const,
        actorUserId: resolverUserId,
        coalitionId: map.coalitionId,
        documentId: map.id,
        excerpt: ANSWERS[r.status as Exclude<AccessRequestStatus, 'pending'>],
      }));
    if (items.length) await this.notifications.notify(items);
    for (const request of requests) this.changed(map, request, 'updated');
  }

  private changed(
    map: MapRow,
    request: Pick<AccessRequestRow, 'id' | 'ownerOrgId' | 'requestingOrgId'>,
    action: 'created' | 'updated',
  ): void {
    this.live.entityChanged({
      coalitionId: map.coalitionId,
      type: ACCESS_REQUEST_ENTITY,
      id: request.id,
      parentId: map.id,
      action,
      organizationIds: [request.ownerOrgId, request.requestingOrgId],
    });
  }
}
