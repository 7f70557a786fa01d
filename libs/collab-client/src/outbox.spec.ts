import * as Y from 'yjs';
import type { CollabAck, CollabError, UpdateResult } from '@coalesce/protocol';
import { Outbox, type OutboxOptions } from './outbox.js';
import { createDocStats } from './types.js';

interface Sent {
  updateId: string;
  update: Uint8Array;
  resolve: (ack: CollabAck<UpdateResult>) => void;
}

const options: OutboxOptions = {
  maxInFlight: 2,
  maxUpdateBytes: 10_000,
  mergeLimitBytes: 5_000,
  compactAfter: 50,
  retryBaseMs: 5,
  retryMaxMs: 20,
  maxUnknownErrorAttempts: 3,
};

function setup(overrides: Partial<OutboxOptions> = {}) {
  const sent: Sent[] = [];
  const committed: number[] = [];
  const rejected: CollabError[] = [];
  let canSend = true;
  let notOpen = 0;
  let missingBase = 0;
  const stats = createDocStats();
  const outbox = new Outbox(
    {
      send: (updateId, update) =>
        new Promise((resolve) => sent.push({ updateId, update, resolve })),
      canSend: () => canSend,
      onCommitted: (seq) => committed.push(seq),
      onRejected: (error) => rejected.push(error),
      onNotOpen: () => notOpen++,
      onMissingBase: () => missingBase++,
      onChange: () => undefined,
    },
    { ...options, ...overrides },
    stats,
  );
  return {
    outbox,
    sent,
    committed,
    rejected,
    stats,
    setCanSend: (value: boolean) => (canSend = value),
    notOpen: () => notOpen,
    missingBase: () => missingBase,
  };
}

/** A real Yjs update inserting `text` into a fresh doc's Y.Text. */
function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('text').insert(i, String(i % 10));
  return { doc, updates };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Outbox', () => {
  it('pipelines up to maxInFlight and sends in order', async () => {
    const { outbox, sent } = setup();
    const { updates } = edits(3);
    outbox.enqueue(updates[0]);
    await tick();
    outbox.enqueue(updates[1]);
    await tick();
    outbox.enqueue(updates[2]);
    await tick();
    expect(sent).toHaveLength(2);
    expect(sent.map((s) => s.update)).toEqual([updates[0], updates[1]]);
    expect(outbox.length).toBe(3);
    sent[0].resolve({ ok: true, seq: 1 });
    await tick();
    expect(sent).toHaveLength(3);
    expect(sent[2].update).toEqual(updates[2]);
  });

  it('merges unsent updates into one entry with a new updateId, never sent ones', async () => {
    const { outbox, sent, stats } = setup({ maxInFlight: 1 });
    const { doc, updates } = edits(5);
    outbox.enqueue(updates[0]);
    await tick();
    const firstId = sent[0].updateId;
    for (const update of updates.slice(1)) outbox.enqueue(update);
    await tick();
    expect(sent).toHaveLength(1);
    expect(outbox.length).toBe(5);

    sent[0].resolve({ ok: true, seq: 1 });
    await tick();
    expect(sent).toHaveLength(2);
    expect(sent[1].updateId).not.toBe(firstId);
    expect(stats.merged).toBe(4);
    expect(outbox.length).toBe(1);

    const replica = new Y.Doc();
    Y.applyUpdate(replica, sent[0].update);
    Y.applyUpdate(replica, sent[1].update);
    expect(replica.getText('text').toString()).toBe(doc.getText('text').toString());
  });

  it('merges the updates of one tick before sending', async () => {
    const { outbox, sent } = setup();
    const { updates } = edits(10);
    for (const update of updates) outbox.enqueue(update);
    await tick();
    expect(sent).toHaveLength(1);
  });

  it('keeps in-flight entries across reset and resends them with the same updateId', async () => {
    const { outbox, sent, stats, setCanSend } = setup();
    const { updates } = edits(2);
    outbox.enqueue(updates[0]);
    await tick();
    outbox.enqueue(updates[1]);
    await tick();
    const ids = sent.map((s) => s.updateId);
    setCanSend(false);
    outbox.reset();
    // A failure acked on the dead connection is ignored.
    sent[0].resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'Disconnected.' } });
    await tick();
    expect(outbox.length).toBe(2);

    setCanSend(true);
    outbox.flush();
    expect(sent.slice(2).map((s) => s.updateId)).toEqual(ids);
    expect(stats.resent).toBe(2);
    // Late ok acks of the old generation still count: the update was committed.
    sent[1].resolve({ ok: true, seq: 2 });
    sent[2].resolve({ ok: true, seq: 1 });
    sent[3].resolve({ ok: true, seq: 2 });
    await tick();
    expect(outbox.length).toBe(0);
    expect(stats.acked).toBe(2);
  });

  it('drops an entry refused with INVALID_UPDATE once and reports it', async () => {
    const { outbox, sent, rejected, stats } = setup();
    outbox.enqueue(edits(1).updates[0]);
    await tick();
    sent[0].resolve({ ok: false, error: { code: 'INVALID_UPDATE', message: 'bad' } });
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(1);
    expect(outbox.length).toBe(0);
    expect(rejected.map((e) => e.code)).toEqual(['INVALID_UPDATE']);
    expect(stats.dropped).toBe(1);
  });

  it('retries RATE_LIMITED with backoff and the same updateId', async () => {
    const { outbox, sent, stats } = setup();
    outbox.enqueue(edits(1).updates[0]);
    await tick();
    sent[0].resolve({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } });
    await tick();
    expect(sent).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(sent).toHaveLength(2);
    expect(sent[1].updateId).toBe(sent[0].updateId);
    expect(stats.retried).toBe(1);
    sent[1].resolve({ ok: true, seq: 1 });
    await tick();
    expect(outbox.length).toBe(0);
  });

  it('gives up on an unknown error code after maxUnknownErrorAttempts', async () => {
    const { outbox, sent, rejected } = setup();
    outbox.enqueue(edits(1).updates[0]);
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      sent[attempt].resolve({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toHaveLength(3);
    expect(rejected.map((e) => e.code)).toEqual(['INTERNAL']);
    expect(outbox.length).toBe(0);
  });

  it('asks for a re-open on DOC_NOT_OPEN and keeps the entry', async () => {
    const { outbox, sent, notOpen } = setup();
    outbox.enqueue(edits(1).updates[0]);
    await tick();
    sent[0].resolve({ ok: false, error: { code: 'DOC_NOT_OPEN', message: 'open it' } });
    await tick();
    expect(notOpen()).toBe(1);
    expect(outbox.length).toBe(1);
  });

  it('resends an OUT_OF_ORDER entry right behind its unacknowledged predecessor', async () => {
    const { outbox, sent, rejected, missingBase } = setup({ maxInFlight: 4 });
    const { updates } = edits(2);
    outbox.enqueue(updates[0]);
    await tick();
    outbox.enqueue(updates[1]);
    await tick();
    // The first was rate limited, so the second arrived without its base.
    sent[0].resolve({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } });
    sent[1].resolve({ ok: false, error: { code: 'OUT_OF_ORDER', message: 'send the base first' } });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(sent.slice(2).map((s) => s.updateId)).toEqual([sent[0].updateId, sent[1].updateId]);
    expect(missingBase()).toBe(0);
    expect(rejected).toEqual([]);
    sent[2].resolve({ ok: true, seq: 1 });
    sent[3].resolve({ ok: true, seq: 2 });
    await tick();
    expect(outbox.length).toBe(0);
  });

  it('after OUT_OF_ORDER behind an in-flight entry, waits for it before sending again', async () => {
    const { outbox, sent } = setup({ maxInFlight: 4 });
    const { updates } = edits(2);
    outbox.enqueue(updates[0]);
    await tick();
    outbox.enqueue(updates[1]);
    await tick();
    sent[1].resolve({ ok: false, error: { code: 'OUT_OF_ORDER', message: 'not yet' } });
    await tick();
    expect(sent).toHaveLength(2); // the first is still in flight
    sent[0].resolve({ ok: true, seq: 1 });
    await tick();
    expect(sent).toHaveLength(3);
    expect(sent[2].updateId).toBe(sent[1].updateId);
  });

  it('reports OUT_OF_ORDER of the oldest entry, sends a prepended update first, and can stall', async () => {
    const { outbox, sent, missingBase } = setup();
    const { updates } = edits(2);
    outbox.enqueue(updates[1]);
    await tick();
    sent[0].resolve({ ok: false, error: { code: 'OUT_OF_ORDER', message: 'base missing' } });
    await tick();
    expect(missingBase()).toBe(1);
    outbox.prepend(updates[0]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(sent.slice(1).map((s) => s.update)).toEqual([updates[0], updates[1]]);

    sent[1].resolve({ ok: false, error: { code: 'OUT_OF_ORDER', message: 'still' } });
    sent[2].resolve({ ok: false, error: { code: 'OUT_OF_ORDER', message: 'still' } });
    outbox.stall();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toHaveLength(3);
    expect(outbox.length).toBe(2);
  });

  it('drops an update larger than the server accepts without sending it', async () => {
    const { outbox, sent, rejected } = setup({ maxUpdateBytes: 10 });
    outbox.enqueue(new Uint8Array(11));
    await tick();
    expect(sent).toHaveLength(0);
    expect(rejected.map((e) => e.code)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('compacts a long unsent tail while it cannot send', async () => {
    const { outbox, setCanSend, sent } = setup({ compactAfter: 10 });
    setCanSend(false);
    const { updates } = edits(25);
    for (const update of updates) outbox.enqueue(update);
    expect(outbox.length).toBeLessThan(10);
    setCanSend(true);
    outbox.flush();
    const replica = new Y.Doc();
    for (const s of sent) Y.applyUpdate(replica, s.update);
    expect(replica.getText('text').length).toBe(25);
  });

  it('records the seq of every ok ack', async () => {
    const { outbox, sent, committed } = setup();
    outbox.enqueue(edits(1).updates[0]);
    await tick();
    sent[0].resolve({ ok: true, seq: 7 });
    await tick();
    expect(committed).toEqual([7]);
  });
});
