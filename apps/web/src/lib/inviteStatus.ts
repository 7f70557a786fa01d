interface InviteLike {
  acceptedAt: string | null;
  revokedAt: string | null;
  expiresAt: string;
}

/** An invitation that can still be accepted. */
export function isPendingInvite(invite: InviteLike, now: Date = new Date()): boolean {
  return !invite.acceptedAt && !invite.revokedAt && new Date(invite.expiresAt) > now;
}
