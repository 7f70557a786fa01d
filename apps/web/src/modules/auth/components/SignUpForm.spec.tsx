import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { ApiError } from '../../../lib/ApiError';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { SignUpForm, toRegisterRequest } from './SignUpForm';

describe('SignUpForm', () => {
  it('shows the password problems as the user types', () => {
    renderWithProviders(<SignUpForm onSubmit={jest.fn(async () => undefined)} />);
    const password = screen.getByLabelText(/^password/i, { selector: 'input' });
    fireEvent.change(password, { target: { value: 'password' } });
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    expect(screen.getByText(/Avoid common words/)).toBeTruthy();
    fireEvent.change(password, { target: { value: 'river lantern orbit 42' } });
    expect(screen.getByText('This password meets the policy.')).toBeTruthy();
  });

  it('shows a server error on a nested organization field next to that field', async () => {
    const onSubmit = jest.fn(async () => {
      throw new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid.',
        fields: [{ path: 'organization.name', message: 'An organization with this name exists.' }],
      });
    });
    renderWithProviders(<SignUpForm onSubmit={onSubmit} inviteToken={undefined} />);
    const type = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label, { selector: 'input' }), {
        target: { value },
      });
    type(/your name/i, 'Ana Lima');
    type(/work email/i, 'ana@example.org');
    type(/^password/i, 'river lantern orbit 42');
    type(/organization name/i, 'Polaris');
    // The country select is searchable: pick the option by its label.
    fireEvent.click(screen.getByLabelText(/country/i, { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Brazil (BR)' }));
    fireEvent.click(screen.getByRole('button', { name: /create account/i }));

    expect(await screen.findByText('An organization with this name exists.')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('toRegisterRequest', () => {
  const values = {
    name: 'Ana',
    email: 'ana@example.org',
    password: 'river lantern orbit 42',
    organization: {
      name: 'Field Org',
      country: 'br',
      focusAreas: ['migration'],
      website: ' ',
      description: '',
    },
  };

  it('creates an organization with blank optional fields as null', () => {
    expect(toRegisterRequest(values)).toEqual({
      name: 'Ana',
      email: 'ana@example.org',
      password: 'river lantern orbit 42',
      organization: {
        name: 'Field Org',
        country: 'BR',
        focusAreas: ['migration'],
        website: null,
        description: null,
      },
    });
  });

  it('joins with an invitation token instead of an organization', () => {
    expect(toRegisterRequest(values, 'tok-1234567890')).toEqual({
      name: 'Ana',
      email: 'ana@example.org',
      password: 'river lantern orbit 42',
      inviteToken: 'tok-1234567890',
    });
  });
});
