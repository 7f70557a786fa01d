import { createContext } from 'react';
import type { LoginInput } from '@coalesce/protocol';
import type { RegisterRequest } from '../api/authApi';

export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  status: AuthStatus;
  /** Why the last session ended without the user signing out (shown on the sign-in page). */
  endedMessage: string | null;
  /** True right after the user chose "Sign out" (no "return to" link is kept). */
  signedOutByUser: boolean;
  signIn(input: LoginInput): Promise<void>;
  signUp(input: RegisterRequest): Promise<void>;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
