import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { passwordProblems, PASSWORD_MIN_LENGTH } from '@coalesce/domain';

interface PasswordRulesProps {
  id: string;
  password: string;
  email?: string;
  name?: string;
}

/** The password policy, checked as the user types (the same rules the server applies). */
export function PasswordRules({ id, password, email, name }: PasswordRulesProps) {
  const problems = passwordProblems(password, { email, name });
  if (password.length === 0) {
    return (
      <Text id={id} size="xs" c="dimmed">
        At least {PASSWORD_MIN_LENGTH} characters. A passphrase of a few unrelated words works well;
        avoid common words and your email address.
      </Text>
    );
  }
  return (
    <div id={id} aria-live="polite">
      {problems.length === 0 ? (
        <Group gap={6}>
          <ThemeIcon size={16} radius="xl" color="teal">
            <IconCheck size={12} />
          </ThemeIcon>
          <Text size="xs" c="teal.8" fw={500}>
            This password meets the policy.
          </Text>
        </Group>
      ) : (
        <List
          size="xs"
          spacing={2}
          icon={
            <ThemeIcon size={16} radius="xl" color="orange" variant="light">
              <IconX size={12} />
            </ThemeIcon>
          }
        >
          {problems.map((problem) => (
            <List.Item key={problem}>{problem}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
