import { useCallback, useState } from 'react';
import { Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Tabs } from '@mantine/core';
import { IconHistory, IconMessages, IconShare } from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useNavigate, useSearchParams } from 'react-router';
import type { DocumentDto } from '@coalesce/protocol';
import { useCurrentUser } from '../../../auth/hooks/useCurrentUser';
import { ShareDocumentModal } from '../../components/ShareDocumentModal';
import { documentAbilities } from '../../hooks/documentAbilities';
import { useCoalitionPermissions } from '../../../coalitions/hooks/useCoalitionPermissions';
import type { CaretUser } from '../extensions/caretRender';
import { useAwarenessUsers } from '../hooks/useAwarenessUsers';
import { useBrowserOnline } from '../hooks/useBrowserOnline';
import { useCollabDoc } from '../hooks/useCollabDoc';
import { useCommentShortcut } from '../hooks/useCommentShortcut';
import { useDocumentRemoval } from '../hooks/useDocumentRemoval';
import { useMentionables } from '../hooks/useMentionables';
import { useTransientMessage } from '../hooks/useTransientMessage';
import { anchorFromRange } from '../utils/commentAnchors';
import { docStatusLabel, TOO_LARGE_MESSAGE } from '../utils/docStatusLabel';
import { docAbilities, effectivePermission } from '../utils/effectivePermission';
import { userColor } from '../utils/userColor';
import { CommentsPanel } from './CommentsPanel';
import type { CommentDraft } from './CommentsPanel';
import { DocRevokedModal } from './DocRevokedModal';
import { DocStatusLine } from './DocStatusLine';
import { DocumentEditor } from './DocumentEditor';
import { EditableTitle } from './EditableTitle';
import { EditorToolbar } from './EditorToolbar';
import { ExportMenu } from './ExportMenu';
import { LinkModal } from './LinkModal';
import { PresenceAvatars } from './PresenceAvatars';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { VersionsPanel } from './VersionsPanel';
import { WordCount } from './WordCount';
import './documentEditor.css';

const PERMISSION_LABEL = { edit: 'Can edit', comment: 'Can comment', view: 'Can view' } as const;

/** The editor page's content: header, live editor, comments and history. */
interface DocumentWorkspaceProps {
  document: DocumentDto;
  /** GET /documents/:docId now answers 404: deleted, or no longer shared with the user. */
  gone?: boolean;
}

export function DocumentWorkspace({ document, gone = false }: DocumentWorkspaceProps) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const collab = useCollabDoc(document.id);
  const mentionables = useMentionables(document.coalitionId);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [tab, setTab] = useState<string | null>('comments');
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [searchParams] = useSearchParams();
  // A notification links here with ?thread=<id>: open the comments on that thread.
  const [activeThreadId, setActiveThreadId] = useState<string | null>(() =>
    searchParams.get('thread'),
  );
  const { role: coalitionRole } = useCoalitionPermissions(document.coalitionId);
  const canShare =
    !document.isPrivate &&
    !document.archivedAt &&
    documentAbilities(document, me.organization.id, coalitionRole).manage;
  const [linkOpen, setLinkOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [pasteError, showPasteError] = useTransientMessage(8000);
  const [user] = useState<CaretUser>(() => ({
    id: me.id,
    name: me.name,
    organization: me.organization.name,
    color: userColor(me.id),
  }));

  const removal =
    useDocumentRemoval(document.id, collab.revoked, collab.lastError?.message ?? null) ??
    (gone ? 'revoked' : null);
  const permission = effectivePermission(document.permission, collab.role);
  const { canEdit, canComment, readOnlyReason } = docAbilities(
    permission,
    Boolean(document.archivedAt),
    removal !== null,
  );
  const users = useAwarenessUsers(collab.handle?.awareness ?? null);
  const online = useBrowserOnline();
  const status = docStatusLabel({
    status: collab.status,
    pending: collab.pending,
    lastError: collab.lastError,
    revoked: collab.revoked,
    localError: pasteError,
    browserOffline: !online,
  });

  const startComment = useCallback(() => {
    if (!editor || !canComment) return;
    const { from, to } = editor.state.selection;
    const anchor = anchorFromRange(editor.state, { from, to });
    if (!anchor) return;
    const quote = editor.state.doc.textBetween(from, to, ' ', ' ').slice(0, 500);
    setDraft({ anchor, quote });
    setTab('comments');
  }, [editor, canComment]);
  useCommentShortcut(startComment, canComment);

  const activateThread = useCallback((threadId: string | null) => {
    setActiveThreadId(threadId);
    if (threadId) setTab('comments');
  }, []);
  const openLink = useCallback(() => setLinkOpen(true), []);
  const onPasteTooLarge = useCallback(() => showPasteError(TOO_LARGE_MESSAGE), [showPasteError]);
  const leave = () => void navigate(`/c/${document.coalitionId}/documents`);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <EditableTitle docId={document.id} title={document.title} canRename={canEdit} />
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="gray">
              {document.ownerOrg.name}
            </Badge>
            <Badge variant="outline" color="gray" data-testid="doc-permission">
              {PERMISSION_LABEL[permission]}
            </Badge>
            <DocStatusLine
              view={status}
              onReload={
                collab.status === 'error' && removal === null
                  ? () => window.location.reload()
                  : undefined
              }
            />
          </Group>
        </Stack>
        <Group gap="sm">
          <PresenceAvatars users={users} selfId={me.id} />
          <ExportMenu
            docId={document.id}
            coalitionId={document.coalitionId}
            title={document.title}
          />
          {canShare && (
            <Button
              leftSection={<IconShare size={16} />}
              onClick={() => setShareOpen(true)}
              data-testid="share-button"
            >
              Share
            </Button>
          )}
        </Group>
      </Group>

      {readOnlyReason && <ReadOnlyBanner reason={readOnlyReason} />}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" style={{ overflow: 'visible' }}>
            {editor && (canEdit || canComment) && (
              <div style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <EditorToolbar
                  editor={editor}
                  canEdit={canEdit}
                  canComment={canComment}
                  onComment={startComment}
                  onLink={openLink}
                />
              </div>
            )}
            {collab.handle ? (
              <DocumentEditor
                handle={collab.handle}
                user={user}
                editable={canEdit}
                mentionables={mentionables.data}
                onReady={setEditor}
                onActivateThread={activateThread}
                onLink={openLink}
                onPasteTooLarge={onPasteTooLarge}
              />
            ) : (
              <Center h={420}>
                <Loader />
              </Center>
            )}
            <Group
              justify="space-between"
              px="md"
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              {editor ? <WordCount editor={editor} /> : <span />}
            </Group>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab
                value="comments"
                leftSection={<IconMessages size={16} />}
                data-testid="comments-tab"
              >
                Comments
              </Tabs.Tab>
              <Tabs.Tab
                value="history"
                leftSection={<IconHistory size={16} />}
                data-testid="versions-tab"
              >
                History
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="comments">
              <CommentsPanel
                docId={document.id}
                editor={editor}
                canComment={canComment}
                mentionables={mentionables.data}
                draft={draft}
                onDraftDone={() => setDraft(null)}
                activeThreadId={activeThreadId}
                onActivate={activateThread}
              />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <VersionsPanel docId={document.id} canEdit={canEdit} active={tab === 'history'} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>

      <LinkModal editor={editor} opened={linkOpen} onClose={() => setLinkOpen(false)} />
      <ShareDocumentModal
        document={document}
        opened={shareOpen}
        onClose={() => setShareOpen(false)}
      />
      <DocRevokedModal opened={removal !== null} reason={removal ?? 'revoked'} onLeave={leave} />
    </Stack>
  );
}
