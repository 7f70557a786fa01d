import { afterEach, describe, expect, it } from '@jest/globals';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import * as Y from 'yjs';
import { anchorFromRange, rangeFromAnchor } from './commentAnchors';
import { decodeRelativePosition, encodeRelativePosition } from './relativePositionCodec';

const editors: Editor[] = [];

function collaborativeEditor(doc: Y.Doc): Editor {
  const editor = new Editor({
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ document: doc, field: 'default' }),
    ],
  });
  editors.push(editor);
  return editor;
}

function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found || !node.isText || !node.text) return;
    const index = node.text.indexOf(text);
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
  });
  if (!found) throw new Error(`"${text}" not in the document`);
  return found;
}

/** Two Y.Docs kept in sync both ways, like two browsers through the engine. */
function linkDocs(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  });
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe('relative position codec', () => {
  it('round-trips a Yjs relative position through base64', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    const position = Y.createRelativePositionFromTypeIndex(text, 6);
    const encoded = encodeRelativePosition(position);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const decoded = decodeRelativePosition(encoded);
    expect(decoded).not.toBeNull();
    expect(Y.createAbsolutePositionFromRelativePosition(decoded!, doc)?.index).toBe(6);
  });

  it('gives null for garbage instead of throwing', () => {
    expect(decodeRelativePosition('!!not base64!!')).toBeNull();
  });
});

describe('comment anchors', () => {
  it('follow the commented text through edits before it, here and in another editor', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    linkDocs(docA, docB);
    const a = collaborativeEditor(docA);
    const b = collaborativeEditor(docB);
    a.commands.setContent('<p>Ask the committee chair for a hearing.</p>');
    expect(b.getText()).toContain('committee chair');

    const anchor = anchorFromRange(a.state, rangeOf(a, 'committee chair'));
    expect(anchor).not.toBeNull();

    // Someone else types before the range: the anchor moves with the text.
    b.commands.insertContentAt(1, 'First, ');
    const inA = rangeFromAnchor(a.state, anchor!);
    expect(inA).not.toBeNull();
    expect(a.state.doc.textBetween(inA!.from, inA!.to)).toBe('committee chair');
    const inB = rangeFromAnchor(b.state, anchor!);
    expect(b.state.doc.textBetween(inB!.from, inB!.to)).toBe('committee chair');
  });

  it('is detached (null, no exception) once its text is deleted', () => {
    const editor = collaborativeEditor(new Y.Doc());
    editor.commands.setContent('<p>Keep this. Remove the committee chair. Keep that.</p>');
    const anchor = anchorFromRange(editor.state, rangeOf(editor, 'committee chair'));
    expect(rangeFromAnchor(editor.state, anchor!)).not.toBeNull();
    editor.commands.deleteRange(rangeOf(editor, 'Remove the committee chair.'));
    expect(rangeFromAnchor(editor.state, anchor!)).toBeNull();
  });

  it('refuses an empty selection and survives a broken anchor', () => {
    const editor = collaborativeEditor(new Y.Doc());
    editor.commands.setContent('<p>Text</p>');
    expect(anchorFromRange(editor.state, { from: 2, to: 2 })).toBeNull();
    expect(rangeFromAnchor(editor.state, { start: 'AAAA', end: '////' })).toBeNull();
  });
});
