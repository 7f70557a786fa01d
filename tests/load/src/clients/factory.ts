import { FullCoalesceClient, FullHocuspocusClient, FullYWebsocketClient } from './full.js';
import { RawCoalesceClient, RawHocuspocusClient, RawYWebsocketClient } from './raw.js';
import type { BenchClient, ClientHooks, ClientMode, Target } from './types.js';

export function createClient(
  mode: ClientMode,
  target: Target,
  index: number,
  docName: string,
  hooks: ClientHooks,
): BenchClient {
  if (mode === 'raw') {
    switch (target.kind) {
      case 'ywebsocket':
        return new RawYWebsocketClient(index, docName, target, hooks);
      case 'hocuspocus':
        return new RawHocuspocusClient(index, docName, target, hooks);
      case 'coalesce':
        return new RawCoalesceClient(index, docName, target, hooks);
    }
  }
  switch (target.kind) {
    case 'ywebsocket':
      return new FullYWebsocketClient(index, docName, target, hooks);
    case 'hocuspocus':
      return new FullHocuspocusClient(index, docName, target, hooks);
    case 'coalesce':
      return new FullCoalesceClient(index, docName, target, hooks);
  }
}
