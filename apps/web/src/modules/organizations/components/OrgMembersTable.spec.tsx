import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OrgMemberDto } from '@coalesce/protocol';
import { errorResponse, fakeResponse } from '../../../test/fakeResponse';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ReauthProvider } from '../../two-factor/components/ReauthProvider';
import { OrgMembersTable } from './OrgMembersTable';

function member(patch: Partial<OrgMemberDto>): OrgMemberDto {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Ana Admin',
    email: 'ana@example.org',
    orgRole: 'admin',
    disabled: false,
    twoFactorEnabled: false,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...patch,
  };
}
const ANA = member({});
const BEN = member({
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Ben Lost-phone',
  email: 'ben@example.org',
  orgRole: 'member',
  twoFactorEnabled: true,
});
const CAL = member({
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Cal Plain',
  orgRole: 'member',
});

const realFetch = globalThis.fetch;
let calls: string[];
let reauthenticated: boolean;

beforeEach(() => {
  calls = [];
  reauthenticated = false;
  globalThis.fetch = jest.fn(async (url: unknown, init?: RequestInit) => {
    const path = String(url).replace('/api/v1', '');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${path}`);
    if (path === `/organizations/current/members/${BEN.id}/two-factor/reset`) {
      return reauthenticated
        ? fakeResponse(200, { ...BEN, twoFactorEnabled: false })
        : errorResponse(403, 'REAUTH_REQUIRED', 'Confirm it is you.');
    }
    if (path === '/auth/reauth') {
      reauthenticated = true;
      return fakeResponse(200, { authenticatedAt: 'x', validUntil: 'y' });
    }
    if (path === '/organizations/current/members') return fakeResponse(200, [ANA, BEN, CAL]);
    throw new Error(`Unexpected request ${method} ${path}`);
  }) as unknown as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('OrgMembersTable', () => {
  it("lets an admin reset a member's two-factor after confirming their own password", async () => {
    renderWithProviders(
      <ReauthProvider needsCode={false}>
        <OrgMembersTable members={[ANA, BEN, CAL]} currentUserId={ANA.id} canManage />
      </ReauthProvider>,
    );
    // Only a member who has two-factor can have it reset; never oneself.
    const resets = screen.getAllByRole('button', { name: 'Reset two-factor' });
    expect(resets).toHaveLength(1);
    expect(
      within(screen.getByRole('row', { name: /Ben Lost-phone/ })).getByText('Two-factor'),
    ).toBeTruthy();

    fireEvent.click(resets[0]);
    const confirm = await screen.findByRole('dialog', { name: 'Reset two-factor' });
    expect(within(confirm).getByText(/signed out everywhere/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Reset two-factor' }));

    const reauth = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    fireEvent.change(within(reauth).getByLabelText(/^Password/, { selector: 'input' }), {
      target: { value: 'my-password' },
    });
    fireEvent.click(within(reauth).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(
        calls.filter((c) => c.endsWith('/two-factor/reset')).map((c) => c.split(' ')[0]),
      ).toEqual(['POST', 'POST']),
    );
    expect(calls).toContain('POST /auth/reauth');
  });

  it('shows no reset to a member who is not an admin', () => {
    renderWithProviders(
      <ReauthProvider needsCode={false}>
        <OrgMembersTable members={[ANA, BEN, CAL]} currentUserId={CAL.id} canManage={false} />
      </ReauthProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Reset two-factor' })).toBeNull();
  });
});
