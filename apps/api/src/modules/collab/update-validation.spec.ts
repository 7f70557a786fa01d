import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  assertReferencesKnown,
  assertValidUpdate,
  takeUpdateMeta,
  trimKnown,
  updateMeta,
} from './update-validation.js';

function sv(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('update validation', () => {
  it('reads the meta of a validated update from its one decoding, equal to Y.parseUpdateMeta', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'hello');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(2, 'XY');
    b.getText('t').delete(0, 1);
    a.getMap('m').set('k', 1);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const update = Y.encodeStateAsUpdate(b); // several clients, deletions
    assertValidUpdate(update);
    const expected = Y.parseUpdateMeta(update);
    expect(updateMeta(update)).toEqual(expected);
    expect(takeUpdateMeta(update)).toEqual(expected);
    // Taken: read again from the bytes, still equal.
    expect(updateMeta(update)).toEqual(expected);
    expect(() => assertReferencesKnown(update, new Map())).not.toThrow();
  });

  it('accepts a continuation of what the server has and trims what it already has', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const server = sv(doc);
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(5, ' world');
    const next = Y.encodeStateAsUpdate(doc, before);
    expect(() => assertReferencesKnown(next, server)).not.toThrow();
    expect(trimKnown(Y.encodeStateAsUpdate(doc, before), sv(doc))).toBeNull();
    const whole = trimKnown(Y.encodeStateAsUpdate(doc), server)!;
    expect(Y.parseUpdateMeta(whole).from.get(doc.clientID)).toBe(5);
  });

  it('refuses a gap with OUT_OF_ORDER', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'a');
    const first = Y.encodeStateVector(doc);
    doc.getText('t').insert(1, 'b');
    const second = Y.encodeStateAsUpdate(doc, first);
    expect(() => assertReferencesKnown(second, new Map())).toThrow(
      expect.objectContaining({ code: 'OUT_OF_ORDER' }),
    );
  });

  it('refuses deletions of content the server does not have with OUT_OF_ORDER', () => {
    const author = new Y.Doc();
    author.getText('t').insert(0, 'hello world');
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(editor);
    editor.getText('t').delete(0, 5);
    const deletion = Y.encodeStateAsUpdate(editor, before);
    expect(() => assertReferencesKnown(deletion, new Map())).toThrow(
      expect.objectContaining({ code: 'OUT_OF_ORDER' }),
    );
    expect(() => assertReferencesKnown(deletion, sv(author))).not.toThrow();
  });

  it('refuses references to structs that do not exist', () => {
    const author = new Y.Doc();
    author.getText('t').insert(0, 'abc');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(author));
    const before = Y.encodeStateVector(other);
    other.getText('t').insert(1, 'X');
    const insert = Y.encodeStateAsUpdate(other, before);
    expect(() => assertReferencesKnown(insert, new Map())).toThrow(
      expect.objectContaining({ code: 'INVALID_UPDATE' }),
    );
    expect(() => assertReferencesKnown(insert, sv(author))).not.toThrow();
  });
});
