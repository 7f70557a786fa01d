import { CollabClient } from '@coalesce/collab-client';
import { http } from './httpClient';

let client: CollabClient | null = null;

/** The one realtime connection of this tab (documents, presence, live entity changes). */
export function realtimeClient(): CollabClient {
  client ??= new CollabClient({
    url: window.location.origin,
    getToken: () => http.freshAccessToken(),
  });
  return client;
}

/** Closes the connection (sign-out). */
export function closeRealtimeClient(): void {
  client?.close();
  client = null;
}
