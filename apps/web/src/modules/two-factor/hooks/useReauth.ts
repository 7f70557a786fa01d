import { useContext } from 'react';
import { ReauthContext } from './reauthContext';
import type { ReauthContextValue } from './reauthContext';

export function useReauth(): ReauthContextValue {
  const value = useContext(ReauthContext);
  if (!value) throw new Error('useReauth must be used inside <ReauthProvider>.');
  return value;
}
