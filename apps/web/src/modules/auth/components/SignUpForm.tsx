import { Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { registerSchema } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import {
  emptyOrganizationValues,
  OrganizationFields,
  toOrganizationInput,
} from '../../organizations/components/OrganizationFields';
import type { OrganizationFormValues } from '../../organizations/components/OrganizationFields';
import type { RegisterRequest } from '../api/authApi';
import { PasswordRules } from './PasswordRules';

export interface SignUpFormValues {
  name: string;
  email: string;
  password: string;
  organization: OrganizationFormValues;
}

const ACCOUNT_FIELDS = ['name', 'email', 'password'] as const;
const ORG_FIELDS = Object.keys(emptyOrganizationValues).map((f) => `organization.${f}`);

interface SignUpFormProps {
  /** With an invitation token the user joins that organization instead of creating one. */
  inviteToken?: string;
  onSubmit: (payload: RegisterRequest) => Promise<void>;
}

export function toRegisterRequest(values: SignUpFormValues, inviteToken?: string): RegisterRequest {
  const account = { name: values.name, email: values.email, password: values.password };
  return inviteToken
    ? { ...account, inviteToken }
    : { ...account, organization: toOrganizationInput(values.organization) };
}

export function SignUpForm({ inviteToken, onSubmit }: SignUpFormProps) {
  const fields = inviteToken ? ACCOUNT_FIELDS : [...ACCOUNT_FIELDS, ...ORG_FIELDS];
  const form = useForm<SignUpFormValues>({
    initialValues: { name: '', email: '', password: '', organization: emptyOrganizationValues },
    validate: (values) => {
      const result = registerSchema.safeParse(toRegisterRequest(values, inviteToken));
      if (result.success) return {};
      const errors = mapFieldErrors(issuesToFields(result.error.issues), fields).fieldErrors;
      if (!inviteToken && !values.organization.country) {
        errors['organization.country'] = 'Choose the country your organization is based in.';
      }
      return errors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, fields);
  const { email, name, password } = form.values;

  return (
    <form
      onSubmit={handle((values) => onSubmit(toRegisterRequest(values, inviteToken)))}
      noValidate
    >
      <Stack gap="md">
        <FormError error={error} />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput
          label="Work email"
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <Stack gap={6}>
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            required
            aria-describedby="password-rules"
            {...form.getInputProps('password')}
          />
          <PasswordRules id="password-rules" password={password} email={email} name={name} />
        </Stack>
        {!inviteToken && (
          <>
            <Divider label="Your organization" labelPosition="left" mt="sm" />
            <OrganizationFields getInputProps={form.getInputProps} prefix="organization" />
          </>
        )}
        <Button type="submit" loading={submitting} fullWidth mt="xs">
          {inviteToken ? 'Create account and join' : 'Create account and organization'}
        </Button>
      </Stack>
    </form>
  );
}
