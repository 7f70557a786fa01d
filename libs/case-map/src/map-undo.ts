import * as Y from 'yjs';
import { layerDetails, layerEdges, layerNodes, sharedEdges, sharedNodes } from './layout.js';
import { LOCAL_MAP_EDIT } from './origin.js';

/**
 * Per-user undo and redo over the shared map and the user's own private layer: only this user's
 * local edits (origin LOCAL_MAP_EDIT) are undone, never another collaborator's. One user action may
 * touch both documents (e.g. adding a restricted node); it is undone and redone as one step.
 */
export class MapUndo {
  private readonly managers: Y.UndoManager[];
  /** Each step: how many stack items of which manager one user action added. */
  private readonly undoStack: Array<Map<Y.UndoManager, number>> = [];
  private readonly redoStack: Array<Map<Y.UndoManager, number>> = [];
  private pending: Map<Y.UndoManager, number> | null = null;
  private replaying = false;
  private readonly listeners = new Set<() => void>();

  constructor(shared: Y.Doc, ownLayer: Y.Doc | null, captureTimeoutMs = 500) {
    const options = {
      trackedOrigins: new Set<unknown>([LOCAL_MAP_EDIT]),
      captureTimeout: captureTimeoutMs,
    };
    this.managers = [new Y.UndoManager([sharedNodes(shared), sharedEdges(shared)], options)];
    if (ownLayer) {
      this.managers.push(
        new Y.UndoManager(
          [layerDetails(ownLayer), layerNodes(ownLayer), layerEdges(ownLayer)],
          options,
        ),
      );
    }
    for (const manager of this.managers) {
      manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) =>
        this.onAdded(manager, event.type),
      );
      manager.on('stack-item-updated', () => this.notify());
    }
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): void {
    this.replay(this.undoStack, this.redoStack, (m) => m.undo());
  }

  redo(): void {
    this.replay(this.redoStack, this.undoStack, (m) => m.redo());
  }

  /** Ends the current capture group: the next edit starts a new undo step. */
  stopCapturing(): void {
    for (const manager of this.managers) manager.stopCapturing();
    this.pending = null;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const manager of this.managers) manager.destroy();
    this.listeners.clear();
  }

  private onAdded(manager: Y.UndoManager, type: 'undo' | 'redo'): void {
    if (this.replaying) return;
    if (type === 'undo') {
      // Items added in the same task belong to one user action.
      if (!this.pending) {
        this.pending = new Map();
        this.undoStack.push(this.pending);
        const group = this.pending;
        void Promise.resolve().then(() => {
          if (this.pending === group) this.pending = null;
        });
      }
      this.pending.set(manager, (this.pending.get(manager) ?? 0) + 1);
      this.redoStack.length = 0;
    }
    this.notify();
  }

  private replay(
    from: Array<Map<Y.UndoManager, number>>,
    to: Array<Map<Y.UndoManager, number>>,
    step: (m: Y.UndoManager) => void,
  ): void {
    const group = from.pop();
    if (!group) return;
    this.replaying = true;
    try {
      for (const [manager, items] of group) {
        for (let i = 0; i < items; i++) step(manager);
      }
    } finally {
      this.replaying = false;
    }
    to.push(group);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
