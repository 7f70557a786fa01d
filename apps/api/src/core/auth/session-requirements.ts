import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';

/** What a route asks of the session beyond a valid access token. */
export interface SessionRequirements {
  /**
   * Open to members whose organization requires two-factor but who have not enrolled yet (sign
   * out, /me, enrolment itself). Every other route refuses them with MFA_ENROLMENT_REQUIRED.
   */
  beforeMfaEnrolment?: boolean;
  /**
   * Needs a sign-in or re-authentication within REAUTH_WINDOW_SECONDS (changing the email, the
   * password or the second factor); otherwise REAUTH_REQUIRED.
   */
  recentAuthentication?: boolean;
}

export const ALLOWED_BEFORE_MFA_ENROLMENT = 'coalesce:allowed-before-mfa-enrolment';
export const RECENT_AUTHENTICATION = 'coalesce:recent-authentication';

/** See SessionRequirements.beforeMfaEnrolment. */
export const AllowedBeforeMfaEnrolment = () => SetMetadata(ALLOWED_BEFORE_MFA_ENROLMENT, true);

/** See SessionRequirements.recentAuthentication. */
export const RequiresRecentAuthentication = () =>
  applyDecorators(
    SetMetadata(RECENT_AUTHENTICATION, true),
    ApiForbiddenResponse({
      description:
        'REAUTH_REQUIRED: no sign-in or POST /auth/reauth within the last 5 minutes on this session.',
    }),
  );

export function sessionRequirementsOf(
  reflector: Reflector,
  context: ExecutionContext,
): SessionRequirements {
  const targets = [context.getHandler(), context.getClass()];
  return {
    beforeMfaEnrolment:
      reflector.getAllAndOverride<boolean | undefined>(ALLOWED_BEFORE_MFA_ENROLMENT, targets) ===
      true,
    recentAuthentication:
      reflector.getAllAndOverride<boolean | undefined>(RECENT_AUTHENTICATION, targets) === true,
  };
}
