import * as Y from 'yjs';

/** A comment anchor as the web editor sends it: base64 of two Yjs relative positions. */
export function anchorOf(start = 0, end = 4): { start: string; end: string } {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Anchor text for a comment');
  doc.getXmlFragment('default').insert(0, [text]);
  const encode = (index: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)),
    ).toString('base64');
  return { start: encode(start), end: encode(end) };
}
