import { useRef } from 'react';

/** The previous value while the new one holds the same data (compared as JSON): fewer re-renders. */
export function useStableValue<T>(value: T, key: (v: T) => string = defaultKey): T {
  const last = useRef<{ key: string; value: T } | null>(null);
  const nextKey = key(value);
  if (last.current?.key !== nextKey) last.current = { key: nextKey, value };
  return last.current.value;
}

function defaultKey(value: unknown): string {
  return JSON.stringify(value instanceof Map ? [...value] : value);
}
