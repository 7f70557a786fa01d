import { Handle, Position } from '@xyflow/react';

/** Where connections start (right) and end (left); hidden for viewers who cannot edit. */
export function NodeHandles({ connectable }: { connectable: boolean }) {
  const style = connectable ? undefined : { visibility: 'hidden' as const };
  return (
    <>
      <Handle type="target" position={Position.Left} style={style} />
      <Handle type="source" position={Position.Right} style={style} />
    </>
  );
}
