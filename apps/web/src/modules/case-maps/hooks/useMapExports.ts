import { useMutation } from '@tanstack/react-query';
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { toPng } from 'html-to-image';
import { caseMapsApi } from '../api/caseMapsApi';
import { downloadBlob, downloadUrl, safeFileName } from '../utils/downloadBlob';
import { fileNameFromDisposition } from '../../documents/editor/utils/fileNameFromDisposition';

const MAX_SIDE = 4096;

/**
 * Downloads of a map: the visible nodes as a PNG (drawn in the browser with html-to-image, as React
 * Flow's documentation shows), and the whole map as JSON (the server's export, which records it in
 * the audit log and leaves out what the viewer may not read).
 */
export function useMapExports(mapId: string, title: string, canvas: () => HTMLElement | null) {
  const flow = useReactFlow();

  const png = useMutation({
    mutationFn: async () => {
      const viewportEl = canvas()?.querySelector<HTMLElement>('.react-flow__viewport');
      const nodes = flow.getNodes();
      if (!viewportEl || nodes.length === 0)
        throw new Error('There is nothing on the map to export.');
      const bounds = getNodesBounds(nodes);
      const width = Math.min(MAX_SIDE, Math.max(800, Math.ceil(bounds.width + 160)));
      const height = Math.min(MAX_SIDE, Math.max(600, Math.ceil(bounds.height + 160)));
      const viewport = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
      // Selection outlines and other people's marks are not part of the map.
      const root = canvas();
      root?.classList.add('case-map-exporting');
      const dataUrl = await toPng(viewportEl, {
        backgroundColor: '#ffffff',
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
        },
        filter: (el) => !(el instanceof HTMLElement && el.classList.contains('case-map-cursor')),
      }).finally(() => root?.classList.remove('case-map-exporting'));
      downloadUrl(dataUrl, `${safeFileName(title)}.png`);
    },
  });

  const json = useMutation({
    mutationFn: async () => {
      const res = await caseMapsApi.exportJson(mapId);
      const fileName =
        fileNameFromDisposition(res.headers.get('Content-Disposition')) ??
        `${safeFileName(title)}.json`;
      downloadBlob(await res.blob(), fileName);
    },
  });

  return { png, json };
}
