import * as Y from 'yjs';

export interface TextPlaceholderCounts {
  /** Placeholders written: one per contiguous run of text, or per group of whole blocks. */
  placeholders: number;
  /** Blocks (paragraphs, headings, list items...) removed because the organization wrote all of them. */
  blocks: number;
  /** Inline nodes (line breaks, mentions) the organization inserted, removed. */
  inlineNodes: number;
}

/** A parent that accepts only these: a group of them is replaced by one of the same kind. */
const LIST_ITEMS: ReadonlySet<string> = new Set(['listItem', 'taskItem']);
/** Parts of a table keep their shape (a row needs its cells): only the text inside is replaced. */
const TABLE_PARTS: ReadonlySet<string> = new Set(['tableRow', 'tableCell', 'tableHeader']);

/** Blocks that only hold other content: empty, they show nothing. */
const CONTAINERS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'bulletList',
  'orderedList',
  'taskList',
  'listItem',
  'taskItem',
]);

type Authored = (client: number) => boolean;

/**
 * Replaces what the given Yjs clients wrote in a rich-text document (the Y.XmlFragment that TipTap's
 * Collaboration extension edits through y-prosemirror) by placeholders, as ordinary Yjs edits:
 *
 * - consecutive blocks written entirely by those clients become ONE paragraph (or list item) holding
 *   the placeholder; blocks that were empty are just removed;
 * - inside other blocks, each contiguous run of characters they typed becomes the placeholder
 *   (formatting changes between the characters do not split a run), without formatting;
 * - inline nodes they inserted (line breaks, mentions) are removed.
 *
 * Text that others typed stays where it is, even inside a paragraph the clients created. Formatting
 * they applied to others' text and deletions they made are kept. Runs in one transaction.
 */
export function replaceAuthoredText(
  fragment: Y.XmlFragment,
  authored: Authored,
  placeholder: string,
): TextPlaceholderCounts {
  const counts: TextPlaceholderCounts = { placeholders: 0, blocks: 0, inlineNodes: 0 };
  const run = () => visit(fragment, authored, placeholder, counts);
  if (fragment.doc) fragment.doc.transact(run);
  else run();
  return counts;
}

function visit(
  container: Y.XmlFragment | Y.XmlElement,
  authored: Authored,
  placeholder: string,
  counts: TextPlaceholderCounts,
): void {
  const children = container.toArray();
  if (children.some((child) => child instanceof Y.XmlText)) {
    visitInline(container, children, authored, placeholder, counts);
    return;
  }
  const groups: Array<{ index: number; elements: Y.XmlElement[] }> = [];
  let i = 0;
  while (i < children.length) {
    const child = children[i];
    if (isGroupable(child) && wholly(child, authored)) {
      const elements = [child];
      let j = i + 1;
      while (j < children.length) {
        const next = children[j];
        if (!isGroupable(next) || !wholly(next, authored)) break;
        if (LIST_ITEMS.has(next.nodeName) !== LIST_ITEMS.has(child.nodeName)) break;
        elements.push(next);
        j++;
      }
      groups.push({ index: i, elements });
      i = j;
    } else {
      if (child instanceof Y.XmlElement) visit(child, authored, placeholder, counts);
      i++;
    }
  }
  // From the end, so the indexes of earlier groups stay right.
  for (const { index, elements } of groups.reverse()) {
    // Before deleting: a deleted element shows no children.
    const empty = elements.every(isEmptyBlock);
    container.delete(index, elements.length);
    counts.blocks += elements.length;
    if (empty) continue;
    container.insert(index, [placeholderBlock(elements[0].nodeName, placeholder)]);
    counts.placeholders += 1;
  }
}

function visitInline(
  container: Y.XmlFragment | Y.XmlElement,
  children: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>,
  authored: Authored,
  placeholder: string,
  counts: TextPlaceholderCounts,
): void {
  const doomed: number[] = [];
  children.forEach((child, index) => {
    if (child instanceof Y.XmlText)
      counts.placeholders += replaceRuns(child, authored, placeholder);
    else if (child instanceof Y.XmlElement) {
      if (wholly(child, authored)) doomed.push(index);
      else visit(child, authored, placeholder, counts);
    }
  });
  for (const index of doomed.reverse()) {
    container.delete(index, 1);
    counts.inlineNodes += 1;
  }
}

/** Replaces each run of the clients' characters in one text; returns the number of runs. */
function replaceRuns(text: Y.XmlText, authored: Authored, placeholder: string): number {
  const runs = authoredRuns(text, authored);
  if (!runs.length) return 0;
  const plain = Object.fromEntries(formattingKeys(text).map((key) => [key, null]));
  for (const [start, length] of runs.reverse()) {
    text.delete(start, length);
    text.insert(start, placeholder, plain);
  }
  return runs.length;
}

/** [index, length] of each maximal run of visible characters written by the clients. */
export function authoredRuns(text: Y.Text, authored: Authored): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  let index = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (authored(item.id.client)) {
      if (current) current[1] += item.length;
      else {
        current = [index, item.length];
        runs.push(current);
      }
    } else current = null;
    index += item.length;
  }
  return runs;
}

function formattingKeys(text: Y.XmlText): string[] {
  const keys = new Set<string>();
  for (const op of text.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
    for (const key of Object.keys(op.attributes ?? {})) keys.add(key);
  }
  return [...keys];
}

function isGroupable(node: unknown): node is Y.XmlElement {
  return node instanceof Y.XmlElement && !TABLE_PARTS.has(node.nodeName);
}

/** True when the clients created the element and everything visible inside it. */
function wholly(element: Y.XmlElement, authored: Authored): boolean {
  const own = element._item;
  if (!own || !authored(own.id.client)) return false;
  return element.toArray().every((child) => {
    if (child instanceof Y.XmlText) return authoredRuns(child, (c) => !authored(c)).length === 0;
    if (child instanceof Y.XmlElement) return wholly(child, authored);
    return false;
  });
}

/** A block with nothing to show (an empty paragraph or list); images and rules are content. */
function isEmptyBlock(element: Y.XmlElement): boolean {
  if (!CONTAINERS.has(element.nodeName)) return false;
  return element
    .toArray()
    .every(
      (child) =>
        (child instanceof Y.XmlText && child.length === 0) ||
        (child instanceof Y.XmlElement && isEmptyBlock(child)),
    );
}

function placeholderBlock(kind: string, placeholder: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(placeholder)]);
  if (!LIST_ITEMS.has(kind)) return paragraph;
  const item = new Y.XmlElement(kind);
  item.insert(0, [paragraph]);
  return item;
}
