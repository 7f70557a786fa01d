import { Code, Text } from '@mantine/core';

/** The free-form details of an audit entry as "key: value" pairs. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="xs" component="div">
      {entries.map(([key, value]) => (
        <div key={key}>
          <Text span c="dimmed" size="xs">
            {key}:
          </Text>{' '}
          <Code>{typeof value === 'string' ? value : JSON.stringify(value)}</Code>
        </div>
      ))}
    </Text>
  );
}
