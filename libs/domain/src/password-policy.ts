export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Returns the reasons a password is refused, empty when it is acceptable.
 * Follows NIST SP 800-63B / OWASP ASVS: length over composition, no trivially guessable values.
 */
export function passwordProblems(
  password: string,
  context: { email?: string; name?: string } = {},
): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (password.trim().length > 0 && new Set(password).size < 5) {
    problems.push('Use more varied characters.');
  }
  const lower = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    problems.push('Do not include your email address.');
  }
  if (COMMON_PASSWORDS.some((common) => lower.includes(common))) {
    problems.push('Avoid common words such as "password" or "qwerty".');
  }
  return problems;
}

const COMMON_PASSWORDS = [
  'password',
  'qwerty',
  '123456',
  'letmein',
  'welcome',
  'iloveyou',
  'admin123',
];
