import { describe, expect, it } from '@jest/globals';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { DocumentTemplateDto } from '@coalesce/protocol';
import { theme } from '../../../app/theme';
import { CreateDocumentModal } from './CreateDocumentModal';

const TEMPLATES: DocumentTemplateDto[] = [
  { id: 'meeting-brief', name: 'Meeting brief', kind: 'brief', description: 'Before a meeting.' },
  { id: 'lobbying-plan', name: 'Lobbying plan', kind: 'plan', description: 'The ask, targets.' },
];

function ui(templates: DocumentTemplateDto[], client: QueryClient) {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <CreateDocumentModal
            coalitionId="c1"
            templates={templates}
            workingGroups={[]}
            opened
            onClose={() => undefined}
          />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

const startFrom = () =>
  screen
    .getAllByLabelText('Start from')
    .find((el) => el instanceof HTMLInputElement) as HTMLInputElement;

describe('CreateDocumentModal', () => {
  it('starts from the lobbying plan template, also when the templates arrive after it opened', async () => {
    const client = new QueryClient();
    const view = render(ui([], client));
    expect(startFrom().value).toBe('Blank document');
    view.rerender(ui(TEMPLATES, client));
    await waitFor(() => expect(startFrom().value).toBe('Lobbying plan'));
  });

  it('opens on the lobbying plan template when the templates are already there', () => {
    render(ui(TEMPLATES, new QueryClient()));
    expect(startFrom().value).toBe('Lobbying plan');
  });
});
