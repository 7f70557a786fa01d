import { useMemo } from 'react';
import { Center, Loader, Modal, ScrollArea } from '@mantine/core';
import * as Y from 'yjs';
import type { VersionDto } from '@coalesce/protocol';
import { ErrorState } from '../../../../ui/ErrorState';
import { useVersionState } from '../hooks/useVersions';
import { versionTitle } from '../utils/versionTitle';
import { ReadOnlyDocument } from './ReadOnlyDocument';

interface VersionPreviewModalProps {
  docId: string;
  version: VersionDto | null;
  onClose: () => void;
}

/** The version's content in a fresh Y.Doc, read-only. */
export function VersionPreviewModal({ docId, version, onClose }: VersionPreviewModalProps) {
  const state = useVersionState(docId, version?.id ?? null);
  const doc = useMemo(() => {
    if (!state.data) return null;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, state.data);
    return fresh;
  }, [state.data]);

  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      title={version ? versionTitle(version) : ''}
      size="xl"
      centered
    >
      <div data-testid="version-preview">
        {state.isPending && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {state.isError && <ErrorState error={state.error} onRetry={() => state.refetch()} />}
        {doc && (
          <ScrollArea.Autosize mah="70vh">
            <ReadOnlyDocument doc={doc} />
          </ScrollArea.Autosize>
        )}
      </div>
    </Modal>
  );
}
