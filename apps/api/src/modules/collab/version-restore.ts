import * as Y from 'yjs';

type Shape = 'text' | 'xml' | 'map' | 'array';

/**
 * The forward update that turns `current` into the content of `version`: a restore is an ordinary
 * edit on top of the current state, so collaborators keep their state and merge it like any change.
 * Top-level types are copied by kind (Y.Text, Y.XmlFragment, Y.Map, Y.Array), inferred from content.
 */
export function restoreUpdate(current: Uint8Array, version: Uint8Array): Uint8Array {
  const versionDoc = new Y.Doc();
  Y.applyUpdate(versionDoc, version);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, current);
  const before = Y.encodeStateVector(doc);
  const names = new Set([...versionDoc.share.keys(), ...doc.share.keys()]);
  doc.transact(() => {
    for (const name of names) {
      const shape = shapeOf(versionDoc.share.get(name)) ?? shapeOf(doc.share.get(name)) ?? 'map';
      copy(shape, name, versionDoc, doc);
    }
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  versionDoc.destroy();
  doc.destroy();
  return update;
}

function copy(shape: Shape, name: string, from: Y.Doc, to: Y.Doc): void {
  if (shape === 'text') {
    const target = to.getText(name);
    target.delete(0, target.length);
    target.applyDelta(from.getText(name).toDelta());
  } else if (shape === 'xml') {
    const target = to.getXmlFragment(name);
    target.delete(0, target.length);
    target.insert(
      0,
      from.getXmlFragment(name).toArray().map(cloneNode) as Array<Y.XmlElement | Y.XmlText>,
    );
  } else if (shape === 'array') {
    const target = to.getArray(name);
    target.delete(0, target.length);
    target.insert(0, from.getArray(name).toArray().map(cloneValue));
  } else {
    const source = from.getMap(name);
    const target = to.getMap(name);
    for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
    for (const [key, value] of source.entries()) target.set(key, cloneValue(value));
  }
}

function cloneNode(node: unknown): unknown {
  return node instanceof Y.XmlElement || node instanceof Y.XmlText || node instanceof Y.XmlHook
    ? node.clone()
    : node;
}

function cloneValue(value: unknown): unknown {
  if (value instanceof Y.AbstractType)
    return (value as Y.AbstractType<unknown> & { clone(): unknown }).clone();
  return value;
}

/** Infers the kind of a top-level type from its content (a bare AbstractType after decoding). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function shapeOf(type: Y.AbstractType<any> | undefined): Shape | null {
  if (!type) return null;
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.XmlFragment) return 'xml';
  if (type instanceof Y.Array) return 'array';
  if (type instanceof Y.Map) return 'map';
  if (type._map.size > 0) return 'map';
  for (let item = type._start; item; item = item.right) {
    const content = item.content;
    if (
      content instanceof Y.ContentString ||
      content instanceof Y.ContentFormat ||
      content instanceof Y.ContentEmbed
    )
      return 'text';
    if (content instanceof Y.ContentType) {
      const inner = content.type;
      if (inner instanceof Y.XmlElement || inner instanceof Y.XmlText || inner instanceof Y.XmlHook)
        return 'xml';
      return 'array';
    }
    if (
      content instanceof Y.ContentAny ||
      content instanceof Y.ContentBinary ||
      content instanceof Y.ContentDoc ||
      content instanceof Y.ContentJSON
    )
      return 'array';
  }
  return null;
}
