import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { PageLoader } from '../ui/PageLoader';

/** A route element loaded on first use, in a chunk of its own (the editor brings TipTap). */
function lazyPage(load: () => Promise<ComponentType>, label: string) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<PageLoader label={label} />}>
        <Page />
      </Suspense>
    );
  };
}

export const DocumentEditorPage = lazyPage(
  () => import('../pages/DocumentEditorPage').then((m) => m.DocumentEditorPage),
  'Opening the document',
);

export const DocumentPrintPage = lazyPage(
  () => import('../pages/DocumentPrintPage').then((m) => m.DocumentPrintPage),
  'Preparing the print view',
);

export const CaseMapPage = lazyPage(
  () => import('../pages/CaseMapPage').then((m) => m.CaseMapPage),
  'Opening the case map',
);
