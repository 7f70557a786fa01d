import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../../lib/ApiError';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { MfaChallengeForm } from './MfaChallengeForm';

describe('MfaChallengeForm', () => {
  it('asks for 6 digits, sends the code, and shows a refusal', async () => {
    const onSubmit = jest.fn(async (_code: string): Promise<void> => {
      throw new ApiError({
        status: 401,
        code: 'MFA_CODE_INVALID',
        message: 'That code is not correct.',
      });
    });
    renderWithProviders(<MfaChallengeForm onSubmit={onSubmit} onBack={() => undefined} />);
    const input = screen.getByRole('textbox', { name: /Authentication code/ });
    fireEvent.change(input, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByText('Enter the 6-digit code from your authenticator app.'),
    ).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong code');
    expect(onSubmit).toHaveBeenCalledWith('123456');
  });

  it('takes a recovery code instead when asked', async () => {
    const onSubmit = jest.fn(async (_code: string): Promise<void> => undefined);
    renderWithProviders(<MfaChallengeForm onSubmit={onSubmit} onBack={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    const input = screen.getByRole('textbox', { name: /Recovery code/ });
    fireEvent.change(input, { target: { value: 'k7pq-m2xw-9rtd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('k7pq-m2xw-9rtd'));
    expect(screen.getByRole('button', { name: 'Use your authenticator app' })).toBeTruthy();
  });
});
