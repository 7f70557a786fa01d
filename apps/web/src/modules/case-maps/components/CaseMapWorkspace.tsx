import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Indicator, Stack } from '@mantine/core';
import { IconKey, IconShare } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';
import { useNavigate } from 'react-router';
import type { DocumentDto } from '@coalesce/protocol';
import { ShareDocumentModal } from '../../documents/components/ShareDocumentModal';
import { documentAbilities } from '../../documents/hooks/documentAbilities';
import { DocRevokedModal } from '../../documents/editor/components/DocRevokedModal';
import { DocStatusLine } from '../../documents/editor/components/DocStatusLine';
import { EditableTitle } from '../../documents/editor/components/EditableTitle';
import { PresenceAvatars } from '../../documents/editor/components/PresenceAvatars';
import { useBrowserOnline } from '../../documents/editor/hooks/useBrowserOnline';
import { docStatusLabel } from '../../documents/editor/utils/docStatusLabel';
import { useCaseMap } from '../hooks/useCaseMap';
import { useAccessRequests } from '../hooks/useMapAccess';
import { combinedDocStatus } from '../utils/combinedDocStatus';
import { MapEditor } from './MapEditor';
import { MapExportMenu } from './MapExportMenu';

const PERMISSION_LABEL = { edit: 'Can edit', comment: 'Can view', view: 'Can view' } as const;

interface CaseMapWorkspaceProps {
  document: DocumentDto;
  gone?: boolean;
}

/** The map page's content: title, status, presence, commands, canvas and side panel. */
export function CaseMapWorkspace(props: CaseMapWorkspaceProps) {
  // The export menu in the header uses the canvas's React Flow instance too.
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ document, gone = false }: CaseMapWorkspaceProps) {
  const map = useCaseMap(document);
  const navigate = useNavigate();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [accessOpen, setAccessOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const online = useBrowserOnline();
  const requests = useAccessRequests(document.id);
  const pendingIncoming = (requests.data ?? []).filter(
    (r) => r.ownerOrg.id === map.myOrgId && r.status === 'pending',
  ).length;
  const canShare =
    !document.archivedAt && documentAbilities(document, map.myOrgId, map.coalitionRole).manage;

  const written = [map.docs.shared, ...(map.docs.ownLayer ? [map.docs.ownLayer.state] : [])];
  const status = docStatusLabel({ ...combinedDocStatus(written), browserOffline: !online });
  const removed = gone || map.docs.shared.revoked;
  const leave = () => void navigate(`/c/${document.coalitionId}/case-maps`);

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <EditableTitle docId={document.id} title={document.title} canRename={map.editable} />
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="gray">
              {document.ownerOrg.name}
            </Badge>
            <Badge variant="outline" color="gray" data-testid="doc-permission">
              {PERMISSION_LABEL[map.permission]}
            </Badge>
            <DocStatusLine view={status} />
          </Group>
        </Stack>
        <Group gap="sm">
          <PresenceAvatars users={map.viewers} selfId={map.me.id} />
          <MapExportMenu
            mapId={document.id}
            title={document.title}
            canvas={() => canvasRef.current}
          />
          <Indicator label={pendingIncoming} size={16} disabled={pendingIncoming === 0} color="red">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconKey size={14} />}
              onClick={() => setAccessOpen(true)}
              data-testid="access-button"
            >
              Access
            </Button>
          </Indicator>
          {canShare && (
            <Button
              size="xs"
              leftSection={<IconShare size={14} />}
              onClick={() => setShareOpen(true)}
            >
              Share
            </Button>
          )}
        </Group>
      </Group>
      {document.archivedAt && (
        <Alert color="gray" variant="light">
          This map is archived: it can be read but not changed.
        </Alert>
      )}
      {map.layers.error && (
        <Alert color="orange" variant="light">
          The private layers of this map could not be loaded: restricted details of your
          organization are hidden until you reload.
        </Alert>
      )}
      <MapEditor
        map={map}
        canvasRef={canvasRef}
        height="calc(100vh - 250px)"
        accessOpen={accessOpen}
        onAccessClose={() => setAccessOpen(false)}
      />
      {canShare && (
        <ShareDocumentModal
          document={document}
          opened={shareOpen}
          onClose={() => setShareOpen(false)}
        />
      )}
      <DocRevokedModal opened={removed} reason="revoked" onLeave={leave} />
    </Stack>
  );
}
