import type { PresenceLocation, PresenceMember, PresenceState } from '@coalesce/protocol';

interface Entry {
  userId: string;
  location: PresenceLocation;
}

/** Coalition presence of the fake server: one entry per socket, grouped per user. */
export class FakePresence {
  private readonly coalitions = new Map<string, Map<string, Entry>>();
  private version = 0;

  set(coalitionId: string, socketId: string, userId: string, location: unknown): PresenceState {
    let sockets = this.coalitions.get(coalitionId);
    if (!sockets) {
      sockets = new Map();
      this.coalitions.set(coalitionId, sockets);
    }
    sockets.set(socketId, { userId, location: (location ?? { page: '' }) as PresenceLocation });
    return this.state(coalitionId);
  }

  remove(coalitionId: string, socketId: string): PresenceState {
    this.coalitions.get(coalitionId)?.delete(socketId);
    return this.state(coalitionId);
  }

  /** Removes a socket everywhere; returns the states that changed. */
  removeSocket(socketId: string): PresenceState[] {
    const changed: PresenceState[] = [];
    for (const [coalitionId, sockets] of this.coalitions) {
      if (sockets.delete(socketId)) changed.push(this.state(coalitionId));
    }
    return changed;
  }

  state(coalitionId: string): PresenceState {
    const members = new Map<string, PresenceMember>();
    for (const { userId, location } of this.coalitions.get(coalitionId)?.values() ?? []) {
      let member = members.get(userId);
      if (!member) {
        member = {
          userId,
          name: userId,
          organizationId: 'org',
          organizationName: 'Org',
          locations: [],
        };
        members.set(userId, member);
      }
      member.locations.push(location);
    }
    return { coalitionId, version: ++this.version, members: [...members.values()] };
  }

  clear(): void {
    this.coalitions.clear();
  }
}
