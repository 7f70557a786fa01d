import { describe, expect, it } from '@jest/globals';
import { fileNameFromDisposition } from './fileNameFromDisposition';

describe('fileNameFromDisposition', () => {
  it('reads a quoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename="TVPA plan.md"')).toBe('TVPA plan.md');
  });

  it('prefers the RFC 5987 encoded name', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="plan.md"; filename*=UTF-8''Plan%20%E2%80%94%20cotton.md`,
      ),
    ).toBe('Plan — cotton.md');
  });

  it('reads an unquoted name and gives null without one', () => {
    expect(fileNameFromDisposition('attachment; filename=plan.md')).toBe('plan.md');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
