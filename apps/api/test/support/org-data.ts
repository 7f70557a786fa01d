import * as Y from 'yjs';
import { unzipSync } from 'fflate';
import { CollabEvents } from '@coalesce/protocol';
import type { CollabAck, DocUpdateBroadcast, OrgExportDto, UpdateResult } from '@coalesce/protocol';
import { call, newUpdateId } from '../collab/collab-fixtures.js';
import type { OpenedDoc } from './documents.js';
import { expectStatus } from './expect.js';
import type { Actor } from './fixtures.js';

/** Makes any change to an opened document and sends it; resolves with the ack. */
export async function sendEdit(
  opened: OpenedDoc,
  edit: (doc: Y.Doc) => void,
): Promise<CollabAck<UpdateResult>> {
  const before = Y.encodeStateVector(opened.ydoc);
  edit(opened.ydoc);
  return call<UpdateResult>(opened.socket, CollabEvents.DocUpdate, {
    docId: opened.docId,
    update: Y.encodeStateAsUpdate(opened.ydoc, before),
    updateId: newUpdateId(),
  });
}

/** Keeps an opened document in step with the broadcasts of its room (like an open editor). */
export function followBroadcasts(opened: OpenedDoc): void {
  opened.socket.on(CollabEvents.DocUpdate, (payload: DocUpdateBroadcast) => {
    if (payload.docId === opened.docId) Y.applyUpdate(opened.ydoc, new Uint8Array(payload.update));
  });
}

/** The text of the first XmlText of paragraph `index` of a TipTap document. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment('default').get(index) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Plain text of a TipTap document, one line per block. */
export function docText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement
        ? block
            .toArray()
            .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
            .join('')
        : '',
    )
    .join('\n');
}

/** Polls an export until it leaves queued/running. */
export async function waitForExport(
  admin: Actor,
  orgId: string,
  exportId: string,
  timeoutMs = 30_000,
): Promise<OrgExportDto> {
  const started = Date.now();
  for (;;) {
    const job = expectStatus(
      await admin.client.get<OrgExportDto>(`/organizations/${orgId}/exports/${exportId}`),
      200,
    );
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() - started > timeoutMs) throw new Error(`export still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Downloads an export's ZIP and unpacks it: path -> bytes. */
export async function downloadZip(
  admin: Actor,
  orgId: string,
  exportId: string,
): Promise<{ files: Record<string, Uint8Array>; headers: Headers; bytes: number }> {
  const res = await fetch(
    `${admin.client.baseUrl}/api/v1/organizations/${orgId}/exports/${exportId}/download`,
    { headers: { authorization: `Bearer ${admin.client.token}` } },
  );
  if (res.status !== 200) throw new Error(`download answered ${res.status}: ${await res.text()}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { files: unzipSync(bytes), headers: res.headers, bytes: bytes.byteLength };
}

export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** Whether raw stored bytes (a Yjs state or update) still carry `text`. */
export function bytesContain(bytes: Uint8Array | Buffer, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

/**
 * Starts the app with module settings that are read from process.env (collab, org data): set
 * while the app is created, then restored.
 */
export async function withModuleEnv<T>(
  vars: Record<string, string>,
  start: () => Promise<T>,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
