import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { alertRecipients } from '@coalesce/domain';
import type { BillAlertEvent } from '@coalesce/domain';

export interface BillAlert {
  coalitionId: string;
  event: BillAlertEvent;
  recipientUserIds: string[];
  /** Who caused it (never among the recipients). */
  actorUserId: string | null;
}

/**
 * Decides who is alerted about a bill or meeting event (watchers of the bill; for overlaps and
 * conflicts also the organizations involved and the coordinators) and hands the alert to the
 * listeners (BillNotificationsBridge makes in-app notifications of them). Runs after the change
 * committed.
 */
@Injectable()
export class BillAlertsService implements OnApplicationShutdown {
  private readonly logger = new Logger('BillAlerts');
  private readonly listeners: Array<(alert: BillAlert) => Promise<void> | void> = [];
  private readonly pending = new Set<Promise<void>>();
  private muted = 0;

  /** Runs `work` without raising alerts (the demo seed: nobody should be told about seeding). */
  async withoutAlerts<T>(work: () => Promise<T>): Promise<T> {
    this.muted += 1;
    try {
      return await work();
    } finally {
      this.muted -= 1;
    }
  }

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onAlert(listener: (alert: BillAlert) => Promise<void> | void): void {
    this.listeners.push(listener);
  }

  async recipientsFor(
    coalitionId: string,
    event: BillAlertEvent,
    actorUserId: string | null,
  ): Promise<string[]> {
    const billIds =
      'billId' in event
        ? [event.billId]
        : (
            (await this.db.query('SELECT bill_id FROM meeting_bills WHERE meeting_id = $1', [
              event.meetingId,
            ])) as Array<{ bill_id: string }>
          ).map((r) => r.bill_id);
    const watchers: Array<{ user_id: string }> = billIds.length
      ? await this.db.query(
          `SELECT DISTINCT f.user_id FROM bill_followers f
             JOIN users u ON u.id = f.user_id
             JOIN coalition_members cm ON cm.organization_id = u.organization_id AND cm.coalition_id = $2
            WHERE f.bill_id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
          [billIds, coalitionId],
        )
      : [];
    const members: Array<{ user_id: string; organization_id: string; role: string }> =
      await this.db.query(
        `SELECT u.id AS user_id, u.organization_id, cm.role FROM users u
           JOIN coalition_members cm ON cm.organization_id = u.organization_id AND cm.coalition_id = $1
          WHERE u.disabled_at IS NULL`,
        [coalitionId],
      );
    const usersByOrganization = new Map<string, string[]>();
    for (const m of members) {
      const list = usersByOrganization.get(m.organization_id) ?? [];
      list.push(m.user_id);
      usersByOrganization.set(m.organization_id, list);
    }
    return alertRecipients(
      event,
      {
        watcherUserIds: watchers.map((w) => w.user_id),
        coordinatorUserIds: members.filter((m) => m.role === 'coordinator').map((m) => m.user_id),
        usersByOrganization,
      },
      actorUserId,
    );
  }

  /**
   * Never throws: an alert that cannot be delivered must not fail the change that caused it.
   * Callers need not await it; shutdown waits for alerts still being delivered.
   */
  raise(coalitionId: string, event: BillAlertEvent, actorUserId: string | null): Promise<void> {
    if (this.muted > 0) return Promise.resolve();
    const done: Promise<void> = this.deliver(coalitionId, event, actorUserId).finally(() =>
      this.pending.delete(done),
    );
    this.pending.add(done);
    return done;
  }

  /** Resolves once every alert raised so far has been delivered (or given up on). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async deliver(
    coalitionId: string,
    event: BillAlertEvent,
    actorUserId: string | null,
  ): Promise<void> {
    try {
      const recipientUserIds = await this.recipientsFor(coalitionId, event, actorUserId);
      if (!recipientUserIds.length) return;
      for (const listener of this.listeners)
        await listener({ coalitionId, event, recipientUserIds, actorUserId });
    } catch (error) {
      this.logger.warn(`Could not raise ${event.kind}: ${(error as Error).message}`);
    }
  }
}
