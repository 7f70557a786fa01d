import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLink } from '@tabler/icons-react';
import { ORG_ROLES } from '@coalesce/domain';
import { INVITE_TTL_DAYS_DEFAULT, orgInviteCreateSchema } from '@coalesce/protocol';
import type { InviteDto } from '@coalesce/protocol';
import { formatDate } from '../../../lib/formatDate';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { CopyField } from '../../../ui/CopyField';
import { FormError } from '../../../ui/FormError';
import { roleLabel } from '../../../ui/RoleBadge';
import { useServerForm } from '../../../ui/useServerForm';
import { useCreateOrgInvite } from '../hooks/useOrganizationMutations';

const FIELDS = ['email', 'role', 'ttlDays'] as const;
const TTL_OPTIONS = ['1', '3', '7', '14', '30'].map((d) => ({
  value: d,
  label: d === '1' ? '1 day' : `${d} days`,
}));

interface Values {
  email: string;
  role: string;
  ttlDays: string;
}

const toInput = (v: Values) => ({
  email: v.email.trim() || undefined,
  role: v.role as (typeof ORG_ROLES)[number],
  ttlDays: Number(v.ttlDays),
});

/** Creates an invitation link for a colleague; the link is shown once. */
export function CreateOrgInviteForm({ organizationName }: { organizationName: string }) {
  const create = useCreateOrgInvite();
  const [created, setCreated] = useState<InviteDto | null>(null);
  const form = useForm<Values>({
    initialValues: { email: '', role: 'member', ttlDays: String(INVITE_TTL_DAYS_DEFAULT) },
    validate: (values) => {
      const result = orgInviteCreateSchema.safeParse(toInput(values));
      return result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    setCreated(await create.mutateAsync(toInput(values)));
    form.reset();
  });

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={error} />
          <Group align="flex-start" grow wrap="wrap">
            <TextInput
              label="Email (optional)"
              description="Only this address can use the link."
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              type="email"
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              data={ORG_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Select
              label="Expires after"
              data={TTL_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('ttlDays')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={submitting} leftSection={<IconLink size={16} />}>
              Create invitation link
            </Button>
          </Group>
        </Stack>
      </form>
      {created?.token && (
        <Alert color="teal" variant="light" title="Invitation link created">
          <Stack gap="sm">
            <span>
              Send it to your colleague over a channel you trust. It joins them to{' '}
              {organizationName} as {roleLabel(created.role).toLowerCase()}, works once, until{' '}
              {formatDate(created.expiresAt)}, and is not shown again.
            </span>
            <CopyField
              label="Invitation link"
              value={`${window.location.origin}/join?token=${created.token}`}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
