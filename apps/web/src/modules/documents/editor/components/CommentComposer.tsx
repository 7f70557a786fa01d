import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import type { Mention, MentionablesDto } from '@coalesce/protocol';
import { FormError } from '../../../../ui/FormError';
import type { MentionItem } from '../utils/mentionItems';
import { mentionsInBody } from '../utils/mentionQuery';
import { MentionTextarea } from './MentionTextarea';

interface CommentComposerProps {
  mentionables: MentionablesDto | undefined;
  submitLabel: string;
  placeholder?: string;
  autoFocus?: boolean;
  onSubmit: (input: { body: string; mentions: Mention[] }) => Promise<unknown>;
  onCancel?: () => void;
}

/** Writes a comment or a reply, with `@` mentions. */
export function CommentComposer(props: CommentComposerProps) {
  const { mentionables, submitLabel, onSubmit, onCancel } = props;
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<MentionItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ body: text, mentions: mentionsInBody(text, picked) });
      setBody('');
      setPicked([]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <MentionTextarea
        value={body}
        onChange={setBody}
        onMention={(item) => setPicked((list) => [...list, item])}
        mentionables={mentionables}
        onSubmit={() => void submit()}
        placeholder={props.placeholder ?? 'Write a comment… (@ to mention)'}
        autoFocus={props.autoFocus}
        disabled={busy}
      />
      <FormError error={error} />
      <Group justify="flex-end" gap="xs">
        {onCancel && (
          <Button size="xs" variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
        <Button
          size="xs"
          onClick={() => void submit()}
          loading={busy}
          disabled={!body.trim()}
          data-testid="comment-submit"
        >
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
