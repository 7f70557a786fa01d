import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { ErrorState } from '../../../ui/ErrorState';
import { notifyError, notifySuccess } from '../../../ui/notify';
import {
  useAccessRequests,
  useGrantLayer,
  useLayerGrants,
  useResolveRequest,
  useRevokeGrant,
} from '../hooks/useMapAccess';
import { AccessRequestItem } from './AccessRequestItem';

const DECISION_DONE = {
  'grant-layer': 'They can now read your organization’s layer of this map.',
  'share-node': 'The node’s details are now on the shared map.',
  decline: 'The request was declined.',
} as const;

interface AccessDrawerProps {
  mapId: string;
  opened: boolean;
  onClose(): void;
  myOrgId: string;
  /** The viewer's organization has a layer of its own it may grant (it edits the map). */
  canGrant: boolean;
  organizations: Array<{ id: string; name: string }>;
  onShowNode(nodeId: string): void;
}

/**
 * Who may read what: requests to the viewer's organization (grant its layer, share the node, or
 * decline), its own requests and their answers, and the organizations it granted its layer.
 */
export function AccessDrawer(props: AccessDrawerProps) {
  const { mapId, myOrgId, canGrant } = props;
  const requests = useAccessRequests(mapId);
  const grants = useLayerGrants(mapId, props.opened && canGrant);
  const resolve = useResolveRequest(mapId);
  const grant = useGrantLayer(mapId);
  const revoke = useRevokeGrant(mapId);
  const [grantee, setGrantee] = useState<string | null>(null);

  const incoming = (requests.data ?? []).filter((r) => r.ownerOrg.id === myOrgId);
  const outgoing = (requests.data ?? []).filter((r) => r.requestingOrg.id === myOrgId);
  const granted = new Set((grants.data ?? []).map((g) => g.organization.id));
  const candidates = props.organizations.filter((o) => o.id !== myOrgId && !granted.has(o.id));

  return (
    <Drawer opened={props.opened} onClose={props.onClose} position="right" title="Access" size="md">
      {requests.isPending ? (
        <Loader size="sm" />
      ) : requests.error ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <Stack gap="md">
          <div>
            <Title order={4} mb="xs">
              Requests to your organization
            </Title>
            {incoming.length === 0 ? (
              <Text size="sm" c="dimmed">
                No other organization has asked to see your restricted nodes.
              </Text>
            ) : (
              <Stack gap="xs">
                {incoming.map((request) => (
                  <AccessRequestItem
                    key={request.id}
                    request={request}
                    incoming
                    busy={resolve.isPending && resolve.variables?.requestId === request.id}
                    onShow={() => props.onShowNode(request.nodeId)}
                    onResolve={(decision) =>
                      resolve.mutate(
                        { requestId: request.id, decision },
                        {
                          onSuccess: () => notifySuccess(DECISION_DONE[decision]),
                          onError: notifyError,
                        },
                      )
                    }
                  />
                ))}
              </Stack>
            )}
          </div>
          <Divider />
          <div>
            <Title order={4} mb="xs">
              Your organization’s requests
            </Title>
            {outgoing.length === 0 ? (
              <Text size="sm" c="dimmed">
                Use “Request access” on a restricted node to ask the organization that holds it.
              </Text>
            ) : (
              <Stack gap="xs">
                {outgoing.map((request) => (
                  <AccessRequestItem
                    key={request.id}
                    request={request}
                    incoming={false}
                    busy={false}
                    onShow={() => props.onShowNode(request.nodeId)}
                    onResolve={() => undefined}
                  />
                ))}
              </Stack>
            )}
          </div>
          {canGrant && (
            <>
              <Divider />
              <div>
                <Title order={4} mb={4}>
                  Who can read your layer
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  They see every restricted and private node and connection of your organization on
                  this map, read-only.
                </Text>
                <Stack gap={6}>
                  {(grants.data ?? []).map((g) => (
                    <Group
                      key={g.organization.id}
                      justify="space-between"
                      data-testid="layer-grant"
                    >
                      <Text size="sm">{g.organization.name}</Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke ${g.organization.name}`}
                        loading={revoke.isPending && revoke.variables === g.organization.id}
                        onClick={() => revoke.mutate(g.organization.id, { onError: notifyError })}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  ))}
                  {grants.data?.length === 0 && (
                    <Text size="sm" c="dimmed">
                      Nobody outside your organization.
                    </Text>
                  )}
                  <Group gap="xs" align="flex-end">
                    <Select
                      label="Grant to"
                      placeholder="An organization of the coalition"
                      data={candidates.map((o) => ({ value: o.id, label: o.name }))}
                      value={grantee}
                      onChange={setGrantee}
                      style={{ flex: 1 }}
                      comboboxProps={{ withinPortal: false }}
                    />
                    <Button
                      disabled={!grantee}
                      loading={grant.isPending}
                      onClick={() =>
                        grantee &&
                        grant.mutate(grantee, {
                          onSuccess: () => setGrantee(null),
                          onError: notifyError,
                        })
                      }
                    >
                      Grant
                    </Button>
                  </Group>
                </Stack>
              </div>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
