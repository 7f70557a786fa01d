/**
 * The coalition each user last opened, kept in memory only (nothing about the user is written to
 * the browser's storage); a reload starts from the first coalition again.
 */
const lastByUser = new Map<string, string>();

export function rememberCoalition(userId: string, coalitionId: string): void {
  lastByUser.set(userId, coalitionId);
}

export function lastCoalition(userId: string): string | null {
  return lastByUser.get(userId) ?? null;
}

export function forgetCoalitions(): void {
  lastByUser.clear();
}
