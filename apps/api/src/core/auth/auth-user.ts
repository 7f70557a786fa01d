import type { OrgRole } from '@coalesce/domain';

/** The signed-in user of a request or socket, as checked by the guard. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  orgRole: OrgRole;
  sessionId: string;
}
