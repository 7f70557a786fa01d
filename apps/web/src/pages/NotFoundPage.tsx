import { Button, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <EmptyState
      py={80}
      icon={<IconMapQuestion />}
      withIndicatorBackground
      title="Page not found"
      description="The address may be mistyped, or the page has moved."
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          Go to your workspace
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
