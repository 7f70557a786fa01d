import { Alert, Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MeDto } from '@coalesce/protocol';
import { FormError } from '../ui/FormError';
import { notifySuccess } from '../ui/notify';
import { PageHeader } from '../ui/PageHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { meQueryKey } from '../modules/auth/api/authApi';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { coalitionsApi } from '../modules/coalitions/api/coalitionsApi';
import { useAcceptCoalitionInvite } from '../modules/coalitions/hooks/useCoalitionMutations';
import { useOrgPermissions } from '../modules/organizations/hooks/useOrgPermissions';

/** `/accept-coalition-invite?token=...`: an org admin accepts a coalition's invitation link. */
export function AcceptCoalitionInvitePage() {
  useDocumentTitle('Coalition invitation');
  const me = useCurrentUser();
  const { can } = useOrgPermissions();
  const [params] = useSearchParams();
  const token = params.get('token');
  const accept = useAcceptCoalitionInvite();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const allowed = can('org.coalition-invites.accept');
  const preview = useQuery({
    queryKey: ['coalition-invite-preview', token],
    queryFn: () => coalitionsApi.previewInvite(token!),
    enabled: Boolean(token) && allowed,
    retry: false,
  });

  if (!token) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Invitation link incomplete" maw={640}>
        The link has no invitation token. Copy the whole link you received.
      </Alert>
    );
  }
  if (!allowed) {
    return (
      <EmptyState
        py={60}
        icon={<IconMailOpened />}
        withIndicatorBackground
        title="Ask an administrator"
        description={`Only an administrator of ${me.organization.name} can accept a coalition invitation. Forward this link to one of them.`}
      />
    );
  }

  const onAccept = () =>
    accept.mutate(
      { token },
      {
        onSuccess: ({ coalitionId }) => {
          const name = queryClient
            .getQueryData<MeDto>(meQueryKey)
            ?.coalitions.find((c) => c.id === coalitionId)?.name;
          notifySuccess(`${me.organization.name} joined ${name ?? 'the coalition'}.`);
          navigate(`/c/${coalitionId}`, { replace: true });
        },
      },
    );

  return (
    <Stack gap="lg" maw={680}>
      <PageHeader title="Coalition invitation" />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <FormError error={preview.error} />
          <Text>
            {preview.data ? (
              <>
                <strong>{preview.data.name}</strong> invites <strong>{me.organization.name}</strong>{' '}
                to join as <strong>{preview.data.role}</strong> (the link expires{' '}
                {new Date(preview.data.expiresAt).toLocaleDateString()}).
              </>
            ) : (
              <>
                A coalition coordinator invited <strong>{me.organization.name}</strong> to join
                their coalition.
              </>
            )}{' '}
            When you accept, everyone in your organization gets access with the role the coordinator
            chose, and the coalition&apos;s members see your organization&apos;s name and profile.
          </Text>
          <FormError error={accept.error} />
          <Group>
            <Button onClick={onAccept} loading={accept.isPending} disabled={preview.isError}>
              Accept invitation
            </Button>
            <Button component={Link} to="/organization?tab=coalitions" variant="default">
              See all invitations
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
