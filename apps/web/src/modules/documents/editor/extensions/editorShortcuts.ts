import { Extension } from '@tiptap/core';

export interface EditorShortcutsOptions {
  /** Mod-K: add or edit the link of the selection. */
  onLink: () => void;
}

/** Shortcuts the built-in extensions lack (bold, italic, undo/redo, lists come with them). */
export const EditorShortcuts = Extension.create<EditorShortcutsOptions>({
  name: 'editorShortcuts',
  addOptions() {
    return { onLink: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLink();
        return true;
      },
    };
  },
});
