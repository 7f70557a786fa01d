import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { CoalitionAction, DocPermission, OrgAction } from '@coalesce/domain';

export const ACCESS_RULE = 'coalesce:access-rule';

/**
 * How a route is authorized. Every route must declare one; the global AccessGuard refuses to serve
 * a route without it, and a test walks every route to prove none is missing.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'coalition'; action: CoalitionAction; param: string }
  | { kind: 'org'; action: OrgAction; param: string | null }
  | { kind: 'document'; needed: DocPermission; param: string }
  | { kind: 'metrics' };

/** Anyone, signed in or not (sign-in, sign-up, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/**
 * Operators' monitoring (GET /api/metrics): `Authorization: Bearer <METRICS_TOKEN>`, or without
 * METRICS_TOKEN only a direct request from loopback. No user session is involved.
 */
export const MetricsAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'metrics' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'METRICS_TOKEN is set and was not presented.' }),
    ApiForbiddenResponse({
      description: 'No METRICS_TOKEN is set and the caller is not loopback.',
    }),
  );

/** Any signed-in user acting on their own things (profile, sessions). */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the session ended.' }),
  );

/** A coalition action; the coalition id comes from route param `param`. Outsiders get 404, too-low roles 403. */
export const CoalitionAccess = (action: CoalitionAction, param = 'id') =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'coalition', action, param } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `Your organization's role does not allow "${action}".` }),
    ApiNotFoundResponse({
      description: 'No such coalition, or your organization is not a member.',
    }),
  );

/** An organization action on the caller's own organization, or on the one in route param `param`. */
export const OrgAccess = (action: OrgAction, param: string | null = null) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'org', action, param } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `Your role does not allow "${action}".` }),
  );

/** A document action; the document id comes from route param `param`. No access 404, too low 403. */
export const DocumentAccess = (needed: DocPermission, param = 'docId') =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'document', needed, param } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `You need ${needed} permission on the document.` }),
    ApiNotFoundResponse({ description: 'No such document, or you may not see it.' }),
  );
