/** Where two-factor is set up (outside the app's frame; see TwoFactorSetupPage). */
export const TWO_FACTOR_SETUP_PATH = '/two-factor/setup';

/** The setup page, coming back to `next` when done. */
export function twoFactorSetupLink(next: string): string {
  return `${TWO_FACTOR_SETUP_PATH}?next=${encodeURIComponent(next)}`;
}
