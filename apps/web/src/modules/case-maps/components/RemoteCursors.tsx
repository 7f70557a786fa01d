import { ViewportPortal } from '@xyflow/react';
import type { MapPeer } from '../utils/mapPeers';

/** Other viewers' pointers, in flow coordinates (they follow pan and zoom), with name and org. */
export function RemoteCursors({ peers }: { peers: readonly MapPeer[] }) {
  return (
    <ViewportPortal>
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="case-map-cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
              <path d="M1 1 L15 7 L8 9 L6 15 Z" fill={peer.user.color} stroke="white" />
            </svg>
            <span style={{ background: peer.user.color }}>
              {peer.user.organization
                ? `${peer.user.name} · ${peer.user.organization}`
                : peer.user.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}
