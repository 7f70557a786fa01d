import { Center, Loader } from '@mantine/core';

/** Full-area spinner while the session or the signed-in user loads. */
export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center h="60vh" aria-busy="true" aria-label={label}>
      <Loader />
    </Center>
  );
}
