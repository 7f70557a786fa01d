import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BILL_STAGE_LABELS, POSITION_LABELS } from '@coalesce/domain';
import type { BillStage, PositionStance } from '@coalesce/domain';
import type { NotificationKind } from '@coalesce/protocol';
import { NotificationsService } from '../notifications/notifications.service.js';
import { BillAlertsService } from './bill-alerts.service.js';
import type { BillAlert } from './bill-alerts.service.js';
import { BILLS_CONFIG } from './bills.config.js';
import type { BillsConfig } from './bills.config.js';

const EXCERPT_MAX = 190;
const clip = (text: string) =>
  text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;

/** Turns bill tracker alerts into in-app notifications (one per recipient, pushed live). */
@Injectable()
export class BillNotificationsBridge implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alerts: BillAlertsService,
    private readonly notifications: NotificationsService,
    @Inject(BILLS_CONFIG) private readonly config: BillsConfig,
  ) {}

  onModuleInit(): void {
    this.alerts.onAlert((alert) => this.deliver(alert));
  }

  async deliver(alert: BillAlert): Promise<void> {
    const { kind, billId, meetingId, excerpt } = await this.describe(alert);
    await this.notifications.notify(
      alert.recipientUserIds.map((userId) => ({
        userId,
        kind,
        actorUserId: alert.actorUserId,
        coalitionId: alert.coalitionId,
        documentId: null,
        threadId: null,
        billId,
        meetingId,
        excerpt: clip(excerpt),
      })),
    );
  }

  private async describe(alert: BillAlert): Promise<{
    kind: NotificationKind;
    billId: string | null;
    meetingId: string | null;
    excerpt: string;
  }> {
    const e = alert.event;
    const bill = 'billId' in e ? await this.bill(e.billId) : null;
    const name = bill?.identifier ?? 'A bill';
    switch (e.kind) {
      case 'bill-stage-changed':
        return {
          kind: 'bill-stage',
          billId: e.billId,
          meetingId: null,
          excerpt: `${name} moved from ${BILL_STAGE_LABELS[e.from as BillStage] ?? e.from} to ${BILL_STAGE_LABELS[e.to as BillStage] ?? e.to}.`,
        };
      case 'bill-action-added': {
        const [last]: Array<{ text: string }> = await this.db.query(
          'SELECT text FROM bill_actions WHERE bill_id = $1 ORDER BY date DESC, seq DESC LIMIT 1',
          [e.billId],
        );
        return {
          kind: 'bill-action',
          billId: e.billId,
          meetingId: null,
          excerpt: `${name}: ${last?.text ?? 'new action'}`,
        };
      }
      case 'bill-position-changed': {
        const [p]: Array<{ name: string; stance: PositionStance }> = await this.db.query(
          `SELECT o.name, p.stance FROM bill_positions p JOIN organizations o ON o.id = p.organization_id
            WHERE p.bill_id = $1 AND p.organization_id = $2`,
          [e.billId, e.organizationId],
        );
        return {
          kind: 'bill-position',
          billId: e.billId,
          meetingId: null,
          excerpt: p
            ? `${p.name}: ${POSITION_LABELS[p.stance]} on ${name}.`
            : `A position on ${name} changed.`,
        };
      }
      case 'bill-meeting-added': {
        const meeting = await this.meeting(e.meetingId);
        return {
          kind: 'bill-meeting',
          billId: e.billId,
          meetingId: e.meetingId,
          excerpt: `${meeting?.orgs ?? 'An organization'} meets ${meeting?.office ?? 'an office'} about ${name}.`,
        };
      }
      case 'bill-position-conflict':
        return {
          kind: 'bill-conflict',
          billId: e.billId,
          meetingId: null,
          excerpt: `Member organizations now take conflicting positions on ${name}.`,
        };
      case 'meeting-overlap': {
        const meeting = await this.meeting(e.meetingId);
        return {
          kind: 'meeting-overlap',
          billId: null,
          meetingId: e.meetingId,
          excerpt: `${meeting?.orgs ?? 'An organization'} scheduled a meeting with ${meeting?.office ?? 'an office'} that another member organization meets within ${this.config.overlapWindowDays} days.`,
        };
      }
    }
  }

  private async bill(billId: string): Promise<{ identifier: string } | null> {
    const [row]: Array<{ identifier: string }> = await this.db.query(
      'SELECT identifier FROM bills WHERE id = $1',
      [billId],
    );
    return row ?? null;
  }

  private async meeting(
    meetingId: string,
  ): Promise<{ office: string; orgs: string | null } | null> {
    const [row]: Array<{ office: string; orgs: string | null }> = await this.db.query(
      `SELECT m.office, (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM meeting_organizations mo
                           JOIN organizations o ON o.id = mo.organization_id WHERE mo.meeting_id = m.id) AS orgs
         FROM meetings m WHERE m.id = $1`,
      [meetingId],
    );
    return row ?? null;
  }
}
