import { useState } from 'react';
import type { FormEvent } from 'react';
import { applyServerErrors } from '../lib/fieldErrors';
import type { ErrorSink } from '../lib/fieldErrors';

interface SubmittableForm<V> extends ErrorSink {
  onSubmit(handler: (values: V) => void): (event?: FormEvent<HTMLFormElement>) => void;
}

/**
 * Submit plumbing shared by every form: runs the action, puts server field errors next to their
 * fields (paths listed in `fields`), and keeps the rest for the form's general alert.
 */
export function useServerForm<V>(
  form: SubmittableForm<V>,
  fields: readonly string[],
  aliases?: Readonly<Record<string, string>>,
) {
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const handle = (action: (values: V) => Promise<unknown>) =>
    form.onSubmit(async (values) => {
      setError(null);
      setSubmitting(true);
      try {
        await action(values);
      } catch (err) {
        setError(applyServerErrors(form, err, fields, aliases));
      } finally {
        setSubmitting(false);
      }
    });

  return { error, setError, submitting, handle };
}
