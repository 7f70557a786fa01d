import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { describeError } from '../../../ui/describeError';
import { notifySuccess } from '../../../ui/notify';
import { caseMapsApi } from '../api/caseMapsApi';

/** Larger files are refused before upload (the server caps the body too). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Props {
  coalitionId: string;
  opened: boolean;
  onClose: () => void;
}

/** Creates a new map from a JSON export; the server's reasons are listed when it refuses the file. */
export function ImportCaseMapModal({ coalitionId, opened, onClose }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const close = () => {
    if (busy) return;
    setFile(null);
    setTitle('');
    setProblem(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      setProblem({ message: 'The file is larger than 5 MB.', details: [] });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setProblem({
        message: 'The file is not JSON. Choose a case map exported from Coalesce.',
        details: [],
      });
      return;
    }
    setBusy(true);
    try {
      const map = await caseMapsApi.import(coalitionId, {
        map: parsed,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['coalitions', coalitionId, 'documents'] });
      notifySuccess(`${map.title} was imported.`);
      setBusy(false);
      close();
      void navigate(`/c/${coalitionId}/case-maps/${map.id}`);
    } catch (error) {
      setBusy(false);
      const { message, details } = describeError(error);
      setProblem({ message, details });
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Import a case map" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A JSON file exported from a Coalesce case map. The new map belongs to your organization;
          restricted and private nodes go to your organization’s private layer.
        </Text>
        <FileInput
          label="File"
          accept="application/json,.json"
          placeholder="Choose a .json file"
          leftSection={<IconFileUpload size={16} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            setProblem(null);
          }}
          clearable
        />
        <TextInput
          label="Title"
          description="Leave empty to keep the title in the file."
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        {problem && (
          <Alert color="red" title="The map was not imported" data-testid="import-problem">
            <Text size="sm">{problem.message}</Text>
            {problem.details.length > 0 && (
              <List size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {problem.details.slice(0, 20).map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
                {problem.details.length > 20 && (
                  <List.Item>…and {problem.details.length - 20} more</List.Item>
                )}
              </List>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!file}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
