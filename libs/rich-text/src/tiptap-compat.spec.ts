import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { prosemirrorJsonToUpdate } from './json-to-yjs.js';
import type { PmNode } from './prosemirror-json.js';
import { updateToProsemirrorJson } from './yjs-to-json.js';

/**
 * Checks the encoding against TipTap's own Collaboration binding (@tiptap/y-tiptap, the
 * y-prosemirror fork TipTap 3 uses) with the editor's real schema. The web app installs TipTap; in a
 * checkout without it this suite is skipped (checked by hand with TipTap 3.31 + y-tiptap 3.0.9:
 * all templates give the very same XML as y-tiptap, and each side reads the other's exactly).
 */
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
// CommonJS builds: Jest's ESM loader cannot load TipTap's chunked ES modules.
const require = createRequire(import.meta.url);
const load = (name: string): Any => {
  try {
    return require(name);
  } catch (error) {
    if (process.env.DEBUG_TIPTAP) process.stderr.write(`${String(error)}\n`);
    return null;
  }
};
const modules = [
  '@tiptap/core',
  '@tiptap/starter-kit',
  '@tiptap/extension-table',
  '@tiptap/extension-list',
  '@tiptap/extension-mention',
  '@tiptap/y-tiptap',
].map(load);
const tiptap = modules.every(Boolean) ? modules : null;
/** The Yjs instance y-tiptap itself uses (documents cross between the two only as update bytes). */
const TY: typeof Y | null = tiptap
  ? createRequire(require.resolve('@tiptap/y-tiptap'))('yjs')
  : null;

const suite = tiptap ? describe : describe.skip;

suite('the same documents as TipTap Collaboration (y-tiptap)', () => {
  const [core, starter, table, list, mention, yTiptap] = tiptap ?? [];
  const Mention = mention?.Mention.extend({
    addAttributes(this: Any) {
      return { ...this.parent?.(), kind: { default: 'user' } };
    },
  });
  const schema = tiptap
    ? core.getSchema([
        starter.StarterKit.configure({ undoRedo: false }),
        table.TableKit,
        list.TaskList,
        list.TaskItem,
        Mention,
      ])
    : null;

  const sample: PmNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The ask' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Pass ' },
          { type: 'text', text: 'H.R. 2200', marks: [{ type: 'bold' }] },
          {
            type: 'text',
            text: ' on congress.gov',
            marks: [
              { type: 'link', attrs: { href: 'https://www.congress.gov/' } },
              { type: 'italic' },
            ],
          },
          { type: 'mention', attrs: { id: 'u1', label: 'Ana Ruiz', kind: 'user' } },
          { type: 'hardBreak' },
          { type: 'text', text: 'code', marks: [{ type: 'code' }] },
        ],
      },
      {
        type: 'taskList',
        content: [
          {
            type: 'taskItem',
            attrs: { checked: true },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brief staff' }] }],
          },
        ],
      },
    ],
  };

  it('reads what we write exactly as the editor schema expects, and we read what it writes', () => {
    const expected = schema.nodeFromJSON(sample).toJSON();
    const ours = new TY!.Doc();
    TY!.applyUpdate(ours, prosemirrorJsonToUpdate(sample));
    const readByTiptap = yTiptap
      .yXmlFragmentToProseMirrorRootNode(ours.getXmlFragment('default'), schema)
      .toJSON();
    expect(readByTiptap).toEqual(expected);

    const theirs = yTiptap.prosemirrorJSONToYDoc(schema, sample, 'default');
    const readByUs = updateToProsemirrorJson(TY!.encodeStateAsUpdate(theirs));
    expect(schema.nodeFromJSON(readByUs).toJSON()).toEqual(expected);
  });
});
