import { useMemo, useRef } from 'react';
import {
  copyNodes,
  createEdge,
  createNode,
  deleteEdges,
  deleteNodes,
  moveNodes,
  pasteClip,
  setNodeSensitivity,
  updateEdge,
  updateNode,
} from '@coalesce/case-map';
import type { MapActor, MapClip, MapDocs, MapUndo, MapView } from '@coalesce/case-map';
import type { MapEdgeType, MapNodeType, MapSensitivity } from '@coalesce/domain';
import type { MapEdgePatch, MapNodeDetailsPatch } from '@coalesce/protocol';
import { autoLayout } from '../utils/autoLayout';
import { deletableSelection } from '../utils/deletableSelection';
import { notifyMapInfo, tryMapEdit } from '../utils/tryMapEdit';

/** The clipboard of the tab: copy on one map, paste on the same or another. */
let clipboard: { clip: MapClip; pastes: number } | null = null;

/**
 * Every edit the canvas makes, through the case-map model (which validates and refuses what the
 * viewer's organization may not do). Each user action is its own undo step.
 */
export function useMapCommands(
  docs: MapDocs | null,
  actor: MapActor,
  undo: MapUndo | null,
  view: MapView,
) {
  const latestView = useRef(view);
  latestView.current = view;

  return useMemo(() => {
    const step = <T>(edit: (d: MapDocs) => T): T => {
      if (!docs) throw new Error('The map is not open yet.');
      undo?.stopCapturing();
      const result = edit(docs);
      undo?.stopCapturing();
      return result;
    };

    return {
      /** Throws MapModelError when the model refuses (the form shows why). */
      addNode(input: {
        type: MapNodeType;
        sensitivity: MapSensitivity;
        name: string;
        position: { x: number; y: number };
      }): string {
        return step((d) =>
          createNode(d, actor, {
            type: input.type,
            sensitivity: input.sensitivity,
            name: input.name,
            x: input.position.x,
            y: input.position.y,
          }),
        );
      },

      connect(
        source: string,
        target: string,
        input: { type: MapEdgeType; directed: boolean; label: string },
      ) {
        return tryMapEdit(
          () => step((d) => createEdge(d, actor, { source, target, ...input })),
          'Not connected',
        );
      },

      deleteSelection(nodeIds: string[], edgeIds: string[]) {
        const chosen = latestView.current.nodes.filter((n) => nodeIds.includes(n.id));
        const { allowed, refused } = deletableSelection(chosen, actor.orgId);
        if (refused.length) {
          notifyMapInfo(
            `${refused.length === 1 ? 'One selected node is' : `${refused.length} selected nodes are`} restricted or private to another organization: only the organization that holds a node can delete it. Nothing was deleted.`,
            'Not deleted',
          );
          return;
        }
        tryMapEdit(
          () =>
            step((d) => {
              if (edgeIds.length) deleteEdges(d, actor, edgeIds);
              if (allowed.length) deleteNodes(d, actor, allowed);
            }),
          'Not deleted',
        );
      },

      copy(nodeIds: string[]): number {
        if (!docs || nodeIds.length === 0) return 0;
        const clip = copyNodes(docs, nodeIds);
        if (clip.nodes.length) clipboard = { clip, pastes: 0 };
        return clip.nodes.length;
      },

      paste(): string[] {
        if (!clipboard) return [];
        const board = clipboard;
        const shift = 40 * (board.pastes + 1);
        const ids = tryMapEdit(
          () => step((d) => pasteClip(d, actor, board.clip, { x: shift, y: shift })),
          'Not pasted',
        );
        if (ids) board.pastes++;
        return ids ?? [];
      },

      /** Lays out the given nodes with dagre; one undo step. */
      layout(nodes: Array<{ id: string; width: number; height: number }>) {
        const ids = new Set(nodes.map((n) => n.id));
        const edges = latestView.current.edges.filter(
          (e) => ids.has(e.source) && ids.has(e.target),
        );
        const positions = autoLayout({ nodes, edges });
        tryMapEdit(() => step((d) => moveNodes(d, positions)));
      },

      /** Throws MapModelError when refused (shown next to the field). */
      updateNode(id: string, patch: MapNodeDetailsPatch) {
        step((d) => updateNode(d, actor, id, patch));
      },
      updateEdge(id: string, patch: MapEdgePatch) {
        step((d) => updateEdge(d, actor, id, patch));
      },
      setSensitivity(id: string, to: MapSensitivity) {
        tryMapEdit(() => step((d) => setNodeSensitivity(d, actor, id, to)));
      },
      undo() {
        undo?.undo();
      },
      redo() {
        undo?.redo();
      },
    };
  }, [docs, actor, undo]);
}

export type MapCommands = ReturnType<typeof useMapCommands>;
