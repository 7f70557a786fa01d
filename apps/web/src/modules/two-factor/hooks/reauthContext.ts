import { createContext } from 'react';

export interface ReauthContextValue {
  /**
   * Runs `action`; when the server answers REAUTH_REQUIRED, asks the user to confirm it is them
   * (password, and a code when two-factor is on), then runs it once more. When they cancel, the
   * promise rejects with the server's REAUTH_REQUIRED error.
   */
  withReauth<T>(action: () => Promise<T>): Promise<T>;
}

export const ReauthContext = createContext<ReauthContextValue | null>(null);
