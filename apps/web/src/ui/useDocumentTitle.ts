import { useEffect } from 'react';

const PRODUCT = 'Coalesce';

/** Sets the browser tab title ("Members · Alliance · Coalesce"). */
export function useDocumentTitle(...parts: Array<string | null | undefined>): void {
  const title = [...parts.filter(Boolean), PRODUCT].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
