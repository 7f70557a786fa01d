/** Only same-app paths are followed after sign-in ("/c/..."), never "//evil.example" or URLs. */
export function safeRedirect(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}
