import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import type { MentionablesDto } from '@coalesce/protocol';
import { filterMentionables } from '../utils/mentionItems';
import type { MentionItem } from '../utils/mentionItems';
import { handleSuggestionKey } from './mentionSuggestionStore';
import type { MentionSuggestionStore } from './mentionSuggestionStore';

/** The `@` suggestion of the editor: people and organizations, shown by MentionSuggestionList. */
export function mentionSuggestion(
  store: MentionSuggestionStore,
  getMentionables: () => MentionablesDto | undefined,
): Omit<SuggestionOptions<MentionItem>, 'editor'> {
  return {
    char: '@',
    allowSpaces: true,
    items: ({ query }) => filterMentionables(getMentionables(), query),
    command: ({ editor, range, props }) => {
      const item = props as unknown as MentionItem;
      // The next character decides whether a space is added after the mention.
      const nodeAfter = editor.view.state.selection.$to.nodeAfter;
      if (nodeAfter?.text?.startsWith(' ')) range.to += 1;
      editor
        .chain()
        .focus()
        .insertContentAt(range, [
          { type: 'mention', attrs: { id: item.id, label: item.label, kind: item.kind } },
          { type: 'text', text: ' ' },
        ])
        .run();
    },
    render: () => {
      const show = (props: SuggestionProps<MentionItem>, keepSelection: boolean) => {
        const previous = store.get();
        const selected =
          keepSelection && previous ? Math.min(previous.selected, props.items.length - 1) : 0;
        store.set({
          items: props.items,
          selected: Math.max(0, selected),
          rect: props.clientRect?.() ?? null,
          choose: (item) => props.command(item),
        });
      };
      return {
        onStart: (props) => show(props, false),
        onUpdate: (props) => show(props, true),
        onKeyDown: ({ event }) => handleSuggestionKey(store, event.key),
        onExit: () => store.set(null),
      };
    },
  };
}
