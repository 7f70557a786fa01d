import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { describeError } from './describeError';

/** The general error of a form (field errors are shown next to their fields). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const { title, message, details } = describeError(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle />} role="alert">
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
