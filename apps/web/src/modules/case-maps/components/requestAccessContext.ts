import { createContext, useContext } from 'react';

/** The canvas's "Request access" action, given to the redacted node cards (null: not offered). */
export const RequestAccessContext = createContext<((nodeId: string) => void) | null>(null);

export function useRequestAccessAction() {
  return useContext(RequestAccessContext);
}
