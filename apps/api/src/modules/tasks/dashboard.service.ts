import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DUPLICATE_THRESHOLD, titleSimilarity } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import type {
  ClaimDto,
  DashboardCellDto,
  DashboardDto,
  OverlapAlertDto,
  TaskDto,
} from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ClaimsRepository } from './claims.repository.js';
import { TasksRepository } from './tasks.repository.js';

const MAX_ALERTS = 20;

/**
 * The coordinator's picture of the coalition: who does what (organizations × working groups, open
 * tasks and claims), overdue and blocked work, near-duplicate open tasks held by different
 * organizations. A coordinator sees everything; any other member sees the part that concerns
 * their own organization (tasks it is assigned or created, overlaps it is part of, its counts),
 * and every live claim (claims exist so that everyone knows who is on what).
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tasks: TasksRepository,
    private readonly claims: ClaimsRepository,
  ) {}

  async dashboard(user: AuthUser, role: CoalitionRole, coalitionId: string): Promise<DashboardDto> {
    const whole = role === 'coordinator';
    const mine = (t: TaskDto) =>
      t.assigneeOrg?.id === user.organizationId || t.createdByOrg?.id === user.organizationId;
    const allOpen = await this.tasks.open(this.db.manager, coalitionId);
    const allClaims = await this.claims.live(coalitionId, new Date());
    const open = whole ? allOpen : allOpen.filter(mine);
    // Everyone sees every live claim (that is what stops duplicated effort); the counts are scoped.
    const ownClaims = whole
      ? allClaims
      : allClaims.filter((c) => c.organization.id === user.organizationId);
    const overlaps = duplicateAlerts(allOpen).filter(
      (a) => whole || mine(a.a.task) || mine(a.b.task),
    );
    const overdue = open.filter((t) => t.overdue);
    const blocked = open.filter((t) => t.status === 'blocked');
    return {
      scope: whole ? 'coalition' : 'organization',
      whoDoesWhat: cells(open, ownClaims, allOpen),
      overdue,
      blocked,
      overlaps: overlaps.slice(0, MAX_ALERTS),
      claims: allClaims,
      counts: {
        open: open.length,
        overdue: overdue.length,
        blocked: blocked.length,
        claims: ownClaims.length,
      },
    };
  }
}

function cells(open: TaskDto[], claims: ClaimDto[], allOpen: TaskDto[]): DashboardCellDto[] {
  const byKey = new Map<string, DashboardCellDto>();
  const cell = (org: { id: string; name: string }, group: { id: string; name: string } | null) => {
    const key = `${org.id}:${group?.id ?? ''}`;
    let c = byKey.get(key);
    if (!c) {
      c = { organization: org, workingGroup: group, openTasks: 0, claims: 0 };
      byKey.set(key, c);
    }
    return c;
  };
  for (const t of open) if (t.assigneeOrg) cell(t.assigneeOrg, t.workingGroup).openTasks += 1;
  const taskById = new Map(allOpen.map((t) => [t.id, t]));
  for (const c of claims) {
    const group = c.taskId ? (taskById.get(c.taskId)?.workingGroup ?? null) : null;
    cell(c.organization, group).claims += 1;
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.organization.name.localeCompare(b.organization.name) ||
      (a.workingGroup?.name ?? '').localeCompare(b.workingGroup?.name ?? ''),
  );
}

/** Pairs of open tasks that look alike and sit with different organizations. */
export function duplicateAlerts(open: TaskDto[]): OverlapAlertDto[] {
  const alerts: OverlapAlertDto[] = [];
  const orgOf = (t: TaskDto) => t.assigneeOrg?.id ?? t.createdByOrg?.id ?? null;
  for (let i = 0; i < open.length; i += 1) {
    for (let j = i + 1; j < open.length; j += 1) {
      const a = open[i];
      const b = open[j];
      if (orgOf(a) === orgOf(b)) continue;
      if (a.parentId === b.id || b.parentId === a.id) continue;
      const score = titleSimilarity(a.title, b.title);
      if (score >= DUPLICATE_THRESHOLD)
        alerts.push({
          kind: 'duplicate-task',
          score: Math.round(score * 100) / 100,
          a: { task: a },
          b: { task: b },
        });
    }
  }
  return alerts.sort((x, y) => y.score - x.score);
}
