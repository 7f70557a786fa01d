import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrgExportDto } from '@coalesce/protocol';
import { theme } from '../../../app/theme';
import { fakeResponse } from '../../../test/fakeResponse';
import { orgDataKeys } from '../api/orgDataApi';
import { ExportProgress } from './ExportProgress';
import { OrgDataExportSection } from './OrgDataExportSection';

const ORG = '11111111-1111-4111-8111-111111111111';

function job(patch: Partial<OrgExportDto>): OrgExportDto {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    organizationId: ORG,
    status: 'queued',
    progress: 0,
    step: null,
    error: null,
    createdBy: { id: 'u1', name: 'Maya' },
    createdAt: '2026-03-01T10:00:00.000Z',
    completedAt: null,
    expiresAt: null,
    fileName: null,
    fileSize: null,
    ...patch,
  };
}

function renderSection() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <OrgDataExportSection organizationId={ORG} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return queryClient;
}

function progressValue(): string | null {
  return screen.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow');
}

describe('OrgDataExportSection', () => {
  let server: OrgExportDto[];
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    server = [];
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith(`/organizations/${ORG}/exports`) && init?.method === 'POST') {
        server = [job({ status: 'queued' })];
        return fakeResponse(202, server[0]);
      }
      if (url.endsWith(`/organizations/${ORG}/exports`)) return fakeResponse(200, server);
      return fakeResponse(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('starts an export and follows its progress as live updates arrive, then offers the download', async () => {
    const queryClient = renderSection();
    const start = await screen.findByRole('button', { name: 'Export our data' });
    fireEvent.click(start);

    await waitFor(() => expect(progressValue()).toBe('0'));
    expect(screen.getByText(/Waiting to start/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Export our data' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    // A push (entity:changed 'org-export') makes the app refresh the exports query.
    server = [job({ status: 'running', progress: 40, step: 'Documents of Alliance (3 of 7)' })];
    await act(() => queryClient.invalidateQueries({ queryKey: orgDataKeys.all }));
    await waitFor(() => expect(progressValue()).toBe('40'));
    expect(screen.getByText('40% · Documents of Alliance (3 of 7)')).toBeTruthy();

    server = [
      job({
        status: 'ready',
        progress: 100,
        completedAt: '2026-03-01T10:02:00.000Z',
        expiresAt: '2026-03-02T10:02:00.000Z',
        fileName: 'coalesce-polaris-2026-03-01.zip',
        fileSize: 2_621_440,
      }),
    ];
    await act(() => queryClient.invalidateQueries({ queryKey: orgDataKeys.all }));
    await screen.findByRole('button', { name: 'Download coalesce-polaris-2026-03-01.zip' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/Ready: 2\.5 MB/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Export our data' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});

describe('ExportProgress', () => {
  it('explains a failed and an expired export instead of a download', () => {
    const { rerender } = render(
      <MantineProvider theme={theme}>
        <ExportProgress
          job={job({ status: 'failed', error: 'The server stopped.' })}
          onDownload={() => undefined}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('The export failed')).toBeTruthy();
    expect(screen.getByText('The server stopped.')).toBeTruthy();
    rerender(
      <MantineProvider theme={theme}>
        <ExportProgress job={job({ status: 'expired' })} onDownload={() => undefined} />
      </MantineProvider>,
    );
    expect(screen.getByText(/has expired and its file was deleted/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
