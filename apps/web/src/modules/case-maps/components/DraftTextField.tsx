import { useEffect, useState } from 'react';
import { Textarea, TextInput } from '@mantine/core';

interface DraftTextFieldProps {
  label: string;
  value: string;
  error?: string;
  readOnly: boolean;
  multiline?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  /** Called on blur (and Enter in a single line) when the text changed; false: refused. */
  onCommit(value: string): boolean;
}

/**
 * A text field over a live value: while the user types, their draft is kept; otherwise it follows
 * the map (someone else's edit shows at once). Saved on blur, or Enter for a single line.
 */
export function DraftTextField(props: DraftTextFieldProps) {
  const { label, value, error, readOnly, multiline, type = 'text', placeholder, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  // A refused draft stays in the field (with its error) until the user fixes it.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (!editing && !held) setDraft(value);
  }, [value, editing, held]);

  const commit = () => {
    setEditing(false);
    setHeld(draft !== value && !onCommit(draft));
  };
  const common = {
    label,
    value: draft,
    error,
    readOnly,
    placeholder,
    onFocus: () => setEditing(true),
    onBlur: commit,
  };
  if (multiline) {
    return (
      <Textarea
        {...common}
        autosize
        minRows={2}
        maxRows={8}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={type}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') (event.currentTarget as HTMLInputElement).blur();
      }}
    />
  );
}
