import { Tooltip } from '@mantine/core';
import type { RemoteMark } from '../utils/flowElements';

/** A colored outline and name tag when other people have the node selected. */
export function RemoteSelectionRing({ marks }: { marks: RemoteMark[] }) {
  if (!marks.length) return null;
  const first = marks[0];
  return (
    <>
      <div
        aria-hidden
        className="case-map-remote-ring"
        style={{ boxShadow: marks.map((m, i) => `0 0 0 ${2 + i * 2}px ${m.color}`).join(', ') }}
      />
      <Tooltip label={marks.map((m) => m.name).join(', ')} withArrow>
        <div
          className="case-map-remote-tag"
          style={{ background: first.color }}
          data-testid="remote-selection"
        >
          {marks.length > 1 ? `${first.name} +${marks.length - 1}` : first.name}
        </div>
      </Tooltip>
    </>
  );
}
