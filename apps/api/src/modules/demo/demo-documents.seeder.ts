import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import {
  plainText,
  prosemirrorJsonToUpdate,
  prosemirrorJsonToYDoc,
  updateToProsemirrorJson,
} from '@coalesce/rich-text';
import { DocStore } from '../collab/doc-store.js';
import { DEMO_PLANS } from './demo-plans.js';
import type { DemoPlan, DemoThread } from './demo-plans.js';

export interface DemoIds {
  coalitionId: string;
  orgIds: Map<string, string>;
  groupIds: Map<string, string>;
}

/**
 * Writes the demo plans with their content, an automatic checkpoint of an earlier draft, a named
 * version, comment threads anchored to their text, and the notification of the mention. Runs
 * inside the demo seed's transaction (so only on an empty database).
 */
@Injectable()
export class DemoDocumentsSeeder {
  constructor(private readonly store: DocStore) {}

  async seed(m: EntityManager, ids: DemoIds): Promise<void> {
    const users: Array<{ id: string; email: string; name: string; organization_id: string }> =
      await m.query('SELECT id, email, name, organization_id FROM users');
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const user = (email: string) => {
      const found = byEmail.get(email);
      if (!found) throw new Error(`demo person ${email} is missing`);
      return found;
    };
    for (const plan of DEMO_PLANS) await this.seedPlan(m, ids, plan, user);
  }

  private async seedPlan(
    m: EntityManager,
    ids: DemoIds,
    plan: DemoPlan,
    user: (email: string) => { id: string; name: string; organization_id: string },
  ): Promise<void> {
    const author = user(plan.author);
    const ydoc = prosemirrorJsonToYDoc(plan.content);
    const state = Y.encodeStateAsUpdate(ydoc);
    const [{ id: docId }]: Array<{ id: string }> = await m.query(
      `INSERT INTO documents (coalition_id, owner_org_id, working_group_id, kind, title,
                              coalition_permission, created_by_user_id, updated_by_user_id,
                              created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'edit', $6, $7, now() - interval '3 days', now() - interval '1 day')
       RETURNING id`,
      [
        ids.coalitionId,
        ids.orgIds.get(plan.owner),
        ids.groupIds.get(plan.workingGroup) ?? null,
        plan.kind,
        plan.title,
        author.id,
        author.id,
      ],
    );
    await this.store.create(m, docId, state);
    await m.query('UPDATE documents SET search_text = $2 WHERE id = $1', [
      docId,
      plainText(updateToProsemirrorJson(state)),
    ]);
    await m.query(
      `INSERT INTO doc_versions (doc_id, kind, name, state, seq, created_by_user_id, created_at)
       VALUES ($1, 'checkpoint', NULL, $2, 0, NULL, now() - interval '2 days'),
              ($3, 'named', $4, $5, 0, $6, now() - interval '1 day')`,
      [
        docId,
        Buffer.from(prosemirrorJsonToUpdate(plan.draft)),
        docId,
        plan.versionName,
        Buffer.from(state),
        author.id,
      ],
    );
    for (const thread of plan.threads) await this.seedThread(m, ids, docId, ydoc, thread, user);
    ydoc.destroy();
  }

  private async seedThread(
    m: EntityManager,
    ids: DemoIds,
    docId: string,
    ydoc: Y.Doc,
    thread: DemoThread,
    user: (email: string) => { id: string; name: string; organization_id: string },
  ): Promise<void> {
    const anchor = anchorOf(ydoc.getXmlFragment('default'), thread.quote);
    const starter = user(thread.comments[0].author);
    const resolver = thread.resolvedBy ? user(thread.resolvedBy) : null;
    const [{ id: threadId }]: Array<{ id: string }> = await m.query(
      `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, status,
                                    resolved_by_user_id, resolved_at, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        docId,
        anchor.start,
        anchor.end,
        thread.quote,
        resolver ? 'resolved' : 'open',
        resolver?.id ?? null,
        resolver ? new Date() : null,
        starter.id,
      ],
    );
    for (const [index, comment] of thread.comments.entries()) {
      const author = user(comment.author);
      const mentioned = (comment.mentions ?? []).map(user);
      await m.query(
        `INSERT INTO comments (thread_id, author_user_id, author_org_id, body, mentions, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, now() - make_interval(hours => $6))`,
        [
          threadId,
          author.id,
          author.organization_id,
          comment.body,
          JSON.stringify(mentioned.map((p) => ({ kind: 'user', id: p.id, name: p.name }))),
          thread.comments.length - index,
        ],
      );
      for (const person of mentioned) {
        await m.query(
          `INSERT INTO notifications (user_id, kind, actor_user_id, coalition_id, document_id, thread_id, excerpt)
           VALUES ($1, 'mention', $2, $3, $4, $5, $6)`,
          [person.id, author.id, ids.coalitionId, docId, threadId, comment.body.slice(0, 140)],
        );
      }
    }
  }
}

/** Relative positions around the first occurrence of `quote` in the document's text. */
function anchorOf(fragment: Y.XmlFragment, quote: string): { start: string; end: string } {
  const found = findText(fragment, quote);
  if (!found) throw new Error(`demo comment quote not found: ${quote}`);
  const encode = (index: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(found.text, index)),
    ).toString('base64');
  return { start: encode(found.index), end: encode(found.index + quote.length) };
}

function findText(
  node: Y.XmlFragment | Y.XmlElement,
  quote: string,
): { text: Y.XmlText; index: number } | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      const plain = (child.toDelta() as Array<{ insert: unknown }>)
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      const index = plain.indexOf(quote);
      if (index >= 0) return { text: child, index };
    } else if (child instanceof Y.XmlElement) {
      const found = findText(child, quote);
      if (found) return found;
    }
  }
  return null;
}
