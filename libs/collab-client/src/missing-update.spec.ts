import * as Y from 'yjs';
import { missingUpdate } from './missing-update.js';

function captureUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

describe('missingUpdate', () => {
  it('is null when the server has everything', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'hello');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    expect(missingUpdate(doc, Y.encodeStateVector(server), [], false)).toBeNull();
  });

  it('returns what the server lacks when the outbox does not hold it', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'offline edits');
    const update = missingUpdate(doc, Y.encodeStateVector(new Y.Doc()), [], false);
    expect(update).not.toBeNull();
    const server = new Y.Doc();
    Y.applyUpdate(server, update!);
    expect(server.getText('text').toString()).toBe('offline edits');
  });

  it('is null when the outbox already holds the missing structs', () => {
    const doc = new Y.Doc();
    const outbox = captureUpdates(doc);
    doc.getText('text').insert(0, 'ab');
    doc.getText('text').insert(2, 'cd');
    expect(missingUpdate(doc, Y.encodeStateVector(new Y.Doc()), outbox, false)).toBeNull();
    expect(
      missingUpdate(doc, Y.encodeStateVector(new Y.Doc()), outbox.slice(1), false),
    ).not.toBeNull();
  });

  it('compares deletions only on the first open', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'abc');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const outbox = captureUpdates(doc);
    doc.getText('text').delete(0, 1);
    const sv = Y.encodeStateVector(server);
    expect(missingUpdate(doc, sv, [], false)).toBeNull();
    expect(missingUpdate(doc, sv, [], true)).not.toBeNull();
    expect(missingUpdate(doc, sv, outbox, true)).toBeNull();
  });
});
