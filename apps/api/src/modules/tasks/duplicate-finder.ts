import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DUPLICATE_THRESHOLD, titleSimilarity } from '@coalesce/domain';
import type { SimilarTaskDto } from '@coalesce/protocol';
import { TasksRepository } from './tasks.repository.js';

const MAX_RESULTS = 8;

/**
 * Finds open tasks of a coalition whose title looks like a new one. With PostgreSQL's pg_trgm
 * (installed by the migration where the server has it; PGlite ships it too) it ranks by trigram
 * similarity in SQL; without it, it falls back to word overlap (libs/domain) over the open tasks.
 */
@Injectable()
export class DuplicateFinder {
  private trigram: Promise<boolean> | null = null;
  /** Set by tests (and usable by operators) to exercise the word-overlap fallback. */
  forceFallback = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tasks: TasksRepository,
  ) {}

  hasTrigram(): Promise<boolean> {
    this.trigram ??= this.db
      .query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)
      .then((rows: unknown[]) => rows.length > 0)
      .catch(() => false);
    return this.trigram;
  }

  async similar(coalitionId: string, title: string, excludeId?: string): Promise<SimilarTaskDto[]> {
    if (!this.forceFallback && (await this.hasTrigram()))
      return this.byTrigram(coalitionId, title, excludeId);
    return this.byWordOverlap(coalitionId, title, excludeId);
  }

  private async byTrigram(
    coalitionId: string,
    title: string,
    excludeId?: string,
  ): Promise<SimilarTaskDto[]> {
    const rows: Array<{ id: string; score: number }> = await this.db.query(
      `SELECT id, similarity(lower(title), lower($2)) AS score FROM tasks
        WHERE coalition_id = $1 AND status NOT IN ('done', 'cancelled') AND id <> $3
          AND similarity(lower(title), lower($4)) >= $5
        ORDER BY score DESC LIMIT ${MAX_RESULTS}`,
      [coalitionId, title, excludeId ?? '00000000-0000-0000-0000-000000000000', title, 0.3],
    );
    const tasks = await this.tasks.byIds(
      this.db.manager,
      coalitionId,
      rows.map((r) => r.id),
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return rows
      .filter((r) => byId.has(r.id))
      .map((r) => ({ task: byId.get(r.id)!, score: round(Number(r.score)), method: 'trigram' }));
  }

  private async byWordOverlap(
    coalitionId: string,
    title: string,
    excludeId?: string,
  ): Promise<SimilarTaskDto[]> {
    const open = await this.tasks.open(this.db.manager, coalitionId);
    return open
      .filter((t) => t.id !== excludeId)
      .map((task) => ({ task, score: round(titleSimilarity(title, task.title)) }))
      .filter((s) => s.score >= DUPLICATE_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_RESULTS)
      .map((s) => ({ ...s, method: 'word-overlap' as const }));
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
