import { createContext } from 'react';
import type { LoginInput, MfaChallengeDto } from '@coalesce/protocol';
import type { RegisterRequest } from '../api/authApi';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  status: AuthStatus;
  /** Why the last session ended without the user signing out (shown on the sign-in page). */
  endedMessage: string | null;
  /** True right after the user chose "Sign out" (no "return to" link is kept). */
  signedOutByUser: boolean;
  /** Signs in; with two-factor on, resolves with the challenge to answer with a code instead. */
  signIn(input: LoginInput): Promise<MfaChallengeDto | null>;
  /** Second step: the challenge and a TOTP or recovery code. */
  completeSignIn(challengeToken: string, code: string): Promise<void>;
  signUp(input: RegisterRequest): Promise<void>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
