import { createTheme } from '@mantine/core';

/** Calm and legible: indigo accents on neutral greys, comfortable radii. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { fw: 550 } },
    Tooltip: { defaultProps: { openDelay: 300 } },
    // Empty and error states stand in for a page's content: give them a real heading.
    EmptyStateTitle: { defaultProps: { order: 2 } },
    Modal: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});
