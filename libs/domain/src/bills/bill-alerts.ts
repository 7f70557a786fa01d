/** What happened that the people following a bill (or the coordinators) should hear about. */
export type BillAlertEvent =
  | { kind: 'bill-stage-changed'; billId: string; from: string; to: string }
  | { kind: 'bill-action-added'; billId: string }
  | { kind: 'bill-position-changed'; billId: string; organizationId: string }
  | { kind: 'bill-meeting-added'; billId: string; meetingId: string }
  | { kind: 'bill-position-conflict'; billId: string; organizationIds: string[] }
  | { kind: 'meeting-overlap'; meetingId: string; organizationIds: string[] };

export interface AlertAudience {
  /** Users who watch the bill(s) concerned. */
  watcherUserIds: readonly string[];
  /** Users of the coalition's coordinator organizations. */
  coordinatorUserIds: readonly string[];
  /** Users of each member organization, by organization id. */
  usersByOrganization: ReadonlyMap<string, readonly string[]>;
}

/**
 * Who gets an in-app alert for an event: watchers for changes on a watched bill; for an overlap or
 * a conflict, the users of the organizations involved and the coordinators as well. Never the user
 * who caused it. Sorted and without duplicates.
 */
export function alertRecipients(
  event: BillAlertEvent,
  audience: AlertAudience,
  actorUserId: string | null,
): string[] {
  const ids = new Set<string>();
  const addOrgs = (orgIds: readonly string[]) => {
    for (const orgId of orgIds)
      for (const u of audience.usersByOrganization.get(orgId) ?? []) ids.add(u);
  };
  switch (event.kind) {
    case 'meeting-overlap':
    case 'bill-position-conflict':
      addOrgs(event.organizationIds);
      for (const u of audience.coordinatorUserIds) ids.add(u);
      if (event.kind === 'bill-position-conflict')
        for (const u of audience.watcherUserIds) ids.add(u);
      break;
    default:
      for (const u of audience.watcherUserIds) ids.add(u);
  }
  if (actorUserId) ids.delete(actorUserId);
  return [...ids].sort();
}
