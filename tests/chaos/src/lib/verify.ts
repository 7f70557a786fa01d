/**
 * The checks shared by the scenarios:
 * - every acknowledged update is in what PostgreSQL holds (by updateId, or folded into the snapshot
 *   by compaction: then its structs are covered by the stored state vector and applying it to the
 *   stored state changes nothing, deletions included);
 * - every replica equals the stored state (text, state vector and delete set).
 */
import * as Y from 'yjs';
import type { StoredDocs } from './postgres.js';
import type { AckRecord, Ledger } from './typist.js';
import { sha1 } from './util.js';

export interface Fingerprint {
  /** sha1 of Y.encodeSnapshot(Y.snapshot(doc)): state vector + delete set, canonical encoding. */
  snapshot: string;
  text: string;
  length: number;
}

export function fingerprint(doc: Y.Doc): Fingerprint {
  const text = doc.getText('content').toString();
  return {
    snapshot: sha1(Y.encodeSnapshot(Y.snapshot(doc))),
    text: sha1(text),
    length: text.length,
  };
}

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

export function samePrint(a: Fingerprint, b: Fingerprint): boolean {
  return a.snapshot === b.snapshot && a.text === b.text;
}

export interface AckCheck {
  acked: number;
  /** Acked updates still present as a row of doc_updates (looked up by update_id). */
  storedById: number;
  /** Acked updates not present by id but whose content is in the stored state (compaction, trimming). */
  storedByContent: number;
  /** Acked updates whose content is NOT in the stored state. */
  lost: AckRecord[];
  /** Acked with a seq above the document's head_seq (an ack for something that does not exist). */
  beyondHead: AckRecord[];
  /** Row found by update_id with a seq different from the acked one (resend answered with the head seq). */
  seqDiffers: number;
  /** Stored states that do not integrate (pending structs): integrity problems. */
  pendingStates: string[];
}

export function checkAcked(ledger: Ledger, stored: StoredDocs): AckCheck {
  return checkContained([...ledger.acks.values()], stored);
}

/** Same check for any list of updates (e.g. those refused for good). */
export function checkContained(records: AckRecord[], stored: StoredDocs): AckCheck {
  const result: AckCheck = {
    acked: records.length,
    storedById: 0,
    storedByContent: 0,
    lost: [],
    beyondHead: [],
    seqDiffers: 0,
    pendingStates: [],
  };
  const byDoc = new Map<string, AckRecord[]>();
  for (const ack of records) {
    const list = byDoc.get(ack.docId) ?? [];
    list.push(ack);
    byDoc.set(ack.docId, list);
  }
  for (const [docId, acks] of byDoc) {
    const storedDoc = stored.docs.get(docId);
    if (!storedDoc) {
      result.lost.push(...acks);
      continue;
    }
    let doc = docFromState(storedDoc.state);
    const pendingOf = (d: Y.Doc) =>
      d.store.pendingStructs || d.store.pendingDs
        ? `${d.store.pendingStructs ? sha1(d.store.pendingStructs.update) : '-'}/${d.store.pendingDs ? sha1(d.store.pendingDs) : '-'}`
        : '';
    const pendingBefore = pendingOf(doc);
    if (pendingBefore) result.pendingStates.push(docId);
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    for (const ack of acks) {
      if (ack.seq > storedDoc.headSeq) result.beyondHead.push(ack);
      const row = stored.byUpdateId.get(ack.updateId);
      if (row && row.seq !== ack.seq) result.seqDiffers++;
      const { to } = Y.parseUpdateMeta(ack.update);
      let covered = true;
      for (const [client, clock] of to) if ((sv.get(client) ?? 0) < clock) covered = false;
      let changed = false;
      const onUpdate = () => {
        changed = true;
      };
      doc.on('update', onUpdate);
      Y.applyUpdate(doc, ack.update);
      doc.off('update', onUpdate);
      // Newly pending: the update refers to something the stored state does not have.
      const pending = pendingOf(doc) !== pendingBefore;
      if (changed || pending) doc = docFromState(storedDoc.state); // keep checking against the stored state
      if (!covered || changed || pending) result.lost.push(ack);
      else if (row) result.storedById++;
      else result.storedByContent++;
    }
  }
  return result;
}

/** The longest time without any ok ack within [from, to] (ms). */
export function longestAckPause(ledger: Ledger, from: number, to: number): number {
  const times = ledger.ackTimes.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let longest = 0;
  let previous = from;
  for (const t of times) {
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  return Math.max(longest, to - previous);
}
