import * as Y from 'yjs';
import { AppError } from '../../core/errors/app-error.js';

/**
 * An update must decode as a Yjs update (v1): decoding reads every struct and its content, so
 * truncated or random bytes are refused before anything is stored. (Whether it fits the stored
 * document is `assertReferencesKnown`'s job.)
 */
export function assertValidUpdate(update: Uint8Array): void {
  if (update.byteLength === 0) throw new AppError('INVALID_UPDATE', 'The update is empty.');
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new AppError('INVALID_UPDATE', 'The update is not a valid Yjs update.');
  }
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0)
    throw new AppError('INVALID_UPDATE', 'The update is not a valid Yjs update.');
  // The update path reads these again (admission, commit, cache): decoded once, here.
  decodedUpdates.set(update, decoded);
  metas.set(update, metaOf(decoded.structs));
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Meta = ReturnType<typeof Y.parseUpdateMeta>;

/** Decoded by `assertValidUpdate`, until `assertReferencesKnown` takes it (short-lived). */
const decodedUpdates = new WeakMap<Uint8Array, Decoded>();
/** `Y.parseUpdateMeta` of updates on their way to the state cache (taken by `takeUpdateMeta`). */
const metas = new WeakMap<Uint8Array, Meta>();

/** As `Y.parseUpdateMeta`: per client, the first clock and the clock after the last struct. */
function metaOf(structs: Decoded['structs']): Meta {
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (!from.has(client)) from.set(client, clock);
    to.set(client, clock + struct.length);
  }
  return { from, to };
}

/** `Y.parseUpdateMeta(update)`, computed once per update on the update path. */
export function updateMeta(update: Uint8Array): Meta {
  let meta = metas.get(update);
  if (!meta) {
    meta = Y.parseUpdateMeta(update);
    metas.set(update, meta);
  }
  return meta;
}

/** `updateMeta` for its last reader: forgets it (the update may stay cached for long). */
export function takeUpdateMeta(update: Uint8Array): Meta {
  const meta = metas.get(update) ?? Y.parseUpdateMeta(update);
  metas.delete(update);
  return meta;
}

/**
 * The part of `update` not yet covered by `sv`, or null when it adds nothing (no structs, no
 * deletions). The usual case — every client's structs start at or after what `sv` has — returns
 * `update` itself without re-encoding it (a valid update, as `assertValidUpdate` checked).
 */
export function trimKnown(update: Uint8Array, sv: Map<number, number>): Uint8Array | null {
  const { from } = updateMeta(update);
  let overlaps = false;
  for (const [client, clock] of from) if (clock < (sv.get(client) ?? 0)) overlaps = true;
  if (!overlaps && from.size > 0) return update;
  const fresh = Y.diffUpdate(update, Y.encodeStateVector(sv));
  const decoded = Y.decodeUpdate(fresh);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0 ? null : fresh;
}

/**
 * The stored log must integrate without pending structs, or a forged update could corrupt the
 * document once its "missing" part arrives. So each client's structs must continue exactly where
 * the server's state ends (no gap), and every reference (origin, right origin, parent) must point
 * to a struct the server has or that comes earlier in this update.
 */
export function assertReferencesKnown(update: Uint8Array, sv: Map<number, number>): void {
  const { structs, ds } = decodedUpdates.get(update) ?? Y.decodeUpdate(update);
  decodedUpdates.delete(update);
  const after = new Map(sv);
  const seen = new Set<number>();
  for (const struct of structs) {
    const client = struct.id.client;
    const expected = after.get(client) ?? 0;
    if (struct instanceof Y.Skip || struct.id.clock !== expected) {
      if (!seen.has(client) && struct.id.clock > expected) {
        throw new AppError(
          'OUT_OF_ORDER',
          'This update depends on changes the server does not have yet; send those first.',
        );
      }
      throw new AppError('INVALID_UPDATE', 'The update has gaps or overlaps in its structs.');
    }
    seen.add(client);
    after.set(client, struct.id.clock + struct.length);
  }
  // Deletions may only cover content the server has (or that this update brings).
  for (const [client, ranges] of ds.clients) {
    const known = after.get(client) ?? 0;
    if (ranges.some((r) => r.clock + r.len > known)) {
      throw new AppError(
        'OUT_OF_ORDER',
        'This update deletes changes the server does not have yet; send those first.',
      );
    }
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (!(ref instanceof Y.ID)) continue;
      const dangling = ref.clock >= (after.get(ref.client) ?? 0);
      const forward = ref.client === struct.id.client && ref.clock >= struct.id.clock;
      if (dangling || forward)
        throw new AppError('INVALID_UPDATE', 'The update refers to content that does not exist.');
    }
  }
}
