import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { LoginInput } from '@coalesce/protocol';
import { ApiError } from '../../../lib/ApiError';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { SignInForm } from './SignInForm';

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /email/i }), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^password/i, { selector: 'input' }), {
    target: { value: password },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('shows the server error when the credentials are refused', async () => {
    const onSubmit = jest.fn(async (_values: LoginInput): Promise<void> => {
      throw new ApiError({
        status: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'The email or password is not correct.',
      });
    });
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    fillAndSubmit('maya@polaris.demo', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed');
    expect(alert.textContent).toContain('The email or password is not correct.');
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'maya@polaris.demo',
      password: 'wrong password',
    });
  });

  it('shows when a rate-limited user may try again', async () => {
    const onSubmit = jest.fn(async (_values: LoginInput): Promise<void> => {
      throw new ApiError({
        status: 429,
        code: 'RATE_LIMITED',
        message: 'Too many failed sign-ins. Try again in 4 minute(s).',
        retryAfter: 240,
      });
    });
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    fillAndSubmit('maya@polaris.demo', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many attempts');
    expect(alert.textContent).toMatch(/You can try again at \d{1,2}:\d{2}/);
  });

  it('puts server field errors next to their field', async () => {
    const onSubmit = jest.fn(async (_values: LoginInput): Promise<void> => {
      throw new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are invalid.',
        fields: [{ path: 'email', message: 'This address is blocked.' }],
      });
    });
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    fillAndSubmit('maya@polaris.demo', 'whatever');

    const email = screen.getByRole('textbox', { name: /email/i });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This address is blocked.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('validates on the client before calling the server', async () => {
    const onSubmit = jest.fn(async (_values: LoginInput): Promise<void> => undefined);
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    fillAndSubmit('not-an-email', '');

    expect(await screen.findByText('Enter a valid email address.')).toBeTruthy();
    expect(screen.getByText('Password is required.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
