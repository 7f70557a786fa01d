import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgRole, PositionStance } from '@coalesce/domain';
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BillImportService } from './bill-import.service.js';
import { BillPositionsService } from './bill-positions.service.js';
import { BillsService } from './bills.service.js';
import { CalendarService } from './calendar.service.js';
import { MeetingsService } from './meetings.service.js';
import { FEDERAL_TRAFFICKING_BILLS } from './samples/federal-trafficking-bills.js';

const SEED_META: RequestMeta = { ip: null, userAgent: null };
const DAY = 24 * 60 * 60 * 1000;
const NOTE = '(Demo data: not this organization’s real position.)';

/** Positions on the sample bills: several organizations, one conflict (H.R. 6552). */
const POSITIONS: Array<{ email: string; bill: string; stance: PositionStance; rationale: string }> =
  [
    {
      email: 'maya@polaris.demo',
      bill: 'S 3949',
      stance: 'support',
      rationale: `Extends survivor programs. ${NOTE}`,
    },
    {
      email: 'grace@solidarity.demo',
      bill: 'S 3949',
      stance: 'support-if-amended',
      rationale: `Wants stronger labor-trafficking provisions. ${NOTE}`,
    },
    {
      email: 'maya@polaris.demo',
      bill: 'HR 6552',
      stance: 'support',
      rationale: `Reauthorizes the TVPA through 2027. ${NOTE}`,
    },
    {
      email: 'rosa@gulfcoast.demo',
      bill: 'HR 6552',
      stance: 'oppose',
      rationale: `Fictional organization; opposes a section on enforcement. ${NOTE}`,
    },
    {
      email: 'alex@hua.demo',
      bill: 'HR 6552',
      stance: 'monitor',
      rationale: `Watching the Senate. ${NOTE}`,
    },
    {
      email: 'priya@heal.demo',
      bill: 'S 3946',
      stance: 'support',
      rationale: `Health-care provider training. ${NOTE}`,
    },
  ];

/**
 * Adds the bill tracker to the demo coalition: the sample federal bills (imported like a user
 * would), a watchlist, positions with one conflict, meetings with one overlap (fictional offices),
 * and a hearing and a deadline. Meetings are placed relative to today so they stay upcoming.
 */
@Injectable()
export class DemoBillsSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: BillImportService,
    private readonly bills: BillsService,
    private readonly positions: BillPositionsService,
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
    private readonly alerts: BillAlertsService,
  ) {}

  /** Seeds without alerts: nobody is notified about demo data being created. */
  seed(coalitionId: string): Promise<void> {
    return this.alerts.withoutAlerts(() => this.seedBills(coalitionId));
  }

  private async seedBills(coalitionId: string): Promise<void> {
    const maya = await this.user('maya@polaris.demo');
    await this.imports.apply(
      maya,
      coalitionId,
      { format: 'open-states-json', content: JSON.stringify(FEDERAL_TRAFFICKING_BILLS) },
      SEED_META,
    );
    const rows: Array<{ id: string; identifier: string }> = await this.db.query(
      'SELECT id, identifier FROM bills WHERE coalition_id = $1',
      [coalitionId],
    );
    const bill = (identifier: string) => rows.find((r) => r.identifier === identifier)!.id;
    await this.bills.setWatch(maya, coalitionId, bill('HR 6552'), {
      watched: true,
      priority: 'high',
      tags: ['tvpa', 'reauthorization'],
    });
    await this.bills.setWatch(maya, coalitionId, bill('S 3949'), {
      watched: true,
      priority: 'medium',
      tags: ['tvpa'],
    });
    await this.bills.setWatch(maya, coalitionId, bill('S 3946'), {
      watched: true,
      priority: 'low',
      tags: ['tvpa', 'health'],
    });
    const solidarity = await this.user('grace@solidarity.demo');
    await this.bills.setLead(maya, coalitionId, bill('HR 6552'), maya.organizationId, SEED_META);
    await this.bills.setLead(
      maya,
      coalitionId,
      bill('S 3949'),
      solidarity.organizationId,
      SEED_META,
    );

    for (const p of POSITIONS) {
      const user = await this.user(p.email);
      await this.positions.set(
        user,
        coalitionId,
        bill(p.bill),
        { stance: p.stance, rationale: p.rationale },
        SEED_META,
      );
    }

    const at = (days: number, hour: number) => {
      const d = new Date(Date.now() + days * DAY);
      d.setUTCHours(hour, 0, 0, 0);
      return d.toISOString();
    };
    const alex = await this.user('alex@hua.demo');
    await this.meetings.create(solidarity, coalitionId, {
      office: 'Office of Sen. Dana Whitfield (fictional)',
      legislator: 'Sen. Dana Whitfield (fictional)',
      startsAt: at(2, 15),
      billIds: [bill('HR 6552')],
      organizationIds: [],
      attendees: ['Grace Okafor'],
      ask: 'Co-sponsor a Senate companion with the labor-trafficking provisions.',
      notes: 'Staffer asked for survivor testimony.',
      privateNotes: 'Our own assessment of the staffer stays with Solidarity Center.',
      followUps: ['Send the two-page brief'],
    });
    await this.meetings.create(alex, coalitionId, {
      office: 'Sen. Dana Whitfield (fictional)',
      legislator: 'Sen. Dana Whitfield (fictional)',
      startsAt: at(5, 14),
      billIds: [bill('HR 6552')],
      organizationIds: [],
      attendees: ['Alex Morgan'],
      ask: 'Hold the bill until the Senate markup.',
      followUps: [],
    });
    await this.meetings.create(maya, coalitionId, {
      office: 'Office of Rep. Luis Ortega (fictional)',
      startsAt: at(12, 16),
      billIds: [bill('S 3949')],
      organizationIds: [],
      attendees: ['Maya Ortiz'],
      ask: 'Support the reauthorization on the floor.',
      followUps: [],
    });
    await this.meetings.create(maya, coalitionId, {
      office: 'Office of Rep. Luis Ortega (fictional)',
      startsAt: at(-20, 16),
      billIds: [],
      organizationIds: [],
      attendees: ['Maya Ortiz'],
      ask: 'Introductory meeting.',
      followUps: [],
    });
    await this.calendar.create(maya, coalitionId, {
      kind: 'hearing',
      title: 'Senate Judiciary hearing on trafficking survivors (fictional)',
      startsAt: at(9, 14),
      location: 'Dirksen Senate Office Building',
      billId: bill('HR 6552'),
    });
    await this.calendar.create(maya, coalitionId, {
      kind: 'deadline',
      title: 'Coalition sign-on letter deadline (fictional)',
      startsAt: at(6, 21),
    });
  }

  private async user(email: string): Promise<AuthUser> {
    const [u]: Array<{
      id: string;
      email: string;
      name: string;
      organization_id: string;
      org_role: OrgRole;
    }> = await this.db.query(
      'SELECT id, email, name, organization_id, org_role FROM users WHERE email = $1',
      [email],
    );
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      organizationId: u.organization_id,
      orgRole: u.org_role,
      sessionId: 'demo-seed',
    };
  }
}
