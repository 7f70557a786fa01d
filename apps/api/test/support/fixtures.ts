import type { CoalitionRole } from '@coalesce/domain';
import type {
  AuthTokens,
  CoalitionDto,
  CoalitionInviteDto,
  InviteDto,
  MeDto,
} from '@coalesce/protocol';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct-horse-battery-staple';
let counter = 0;

export interface Actor {
  client: ApiClient;
  me: MeDto;
  email: string;
}

/** Signs up a new person creating a new organization (they become its admin). */
export async function signUpOrg(t: TestApp, label = 'org'): Promise<Actor> {
  counter += 1;
  const email = `${label}-${counter}-${Date.now()}@example.org`;
  const client = t.client();
  const res = await client.post<AuthTokens>('/auth/register', {
    email,
    name: `Person ${counter}`,
    password: PASSWORD,
    organization: {
      name: `${label} Organization ${counter} ${Date.now()}`,
      country: 'US',
      focusAreas: ['policy-advocacy'],
    },
  });
  if (res.status !== 201)
    throw new Error(`register answered ${res.status}: ${JSON.stringify(res.body)}`);
  client.token = res.body.accessToken;
  return { client, me: await client.me(), email };
}

/** An org admin invites a colleague, who signs up with the invitation. */
export async function addColleague(
  t: TestApp,
  admin: Actor,
  role: 'admin' | 'member' = 'member',
): Promise<Actor> {
  const invite = await admin.client.post<InviteDto>('/organizations/current/invites', { role });
  if (invite.status !== 201)
    throw new Error(`invite answered ${invite.status}: ${JSON.stringify(invite.body)}`);
  counter += 1;
  const email = `colleague-${counter}-${Date.now()}@example.org`;
  const client = t.client();
  const res = await client.post<AuthTokens>('/auth/register', {
    email,
    name: `Colleague ${counter}`,
    password: PASSWORD,
    inviteToken: invite.body.token,
  });
  if (res.status !== 201)
    throw new Error(`register with invite answered ${res.status}: ${JSON.stringify(res.body)}`);
  client.token = res.body.accessToken;
  return { client, me: await client.me(), email };
}

export async function createCoalition(
  coordinator: Actor,
  name = `Coalition ${Date.now()}-${++counter}`,
): Promise<CoalitionDto> {
  const res = await coordinator.client.post<CoalitionDto>('/coalitions', { name });
  if (res.status !== 201)
    throw new Error(`create coalition answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The coordinator invites an organization with `role`; returns the invite with its token. */
export async function inviteToCoalition(
  coordinator: Actor,
  coalitionId: string,
  organizationId: string,
  role: CoalitionRole = 'member',
): Promise<CoalitionInviteDto & { token: string }> {
  const invite = await coordinator.client.post<CoalitionInviteDto & { token: string }>(
    `/coalitions/${coalitionId}/invites`,
    { organizationId, role },
  );
  if (invite.status !== 201)
    throw new Error(`coalition invite answered ${invite.status}: ${JSON.stringify(invite.body)}`);
  return invite.body;
}

/** The coordinator invites `member`'s organization with `role`, and member's admin accepts. */
export async function joinCoalition(
  coordinator: Actor,
  member: Actor,
  coalitionId: string,
  role: CoalitionRole,
): Promise<void> {
  const invite = await inviteToCoalition(coordinator, coalitionId, member.me.organization.id, role);
  const accepted = await member.client.post('/coalition-invites/accept', { token: invite.token });
  if (accepted.status !== 200)
    throw new Error(`accept answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
}
