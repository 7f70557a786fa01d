import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const lib = (name: string) =>
  fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@coalesce/protocol': lib('protocol'),
      '@coalesce/domain': lib('domain'),
      '@coalesce/collab-client': lib('collab-client'),
      '@coalesce/case-map': lib('case-map'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            {
              name: 'vendor',
              // zodWithoutEval rides with zod: chunks that build protocol schemas import vendor, so
              // the setting is in place before the first schema exists (see that file).
              test: /node_modules[\\/](?!(@tiptap|prosemirror-[^\\/]+|y-prosemirror|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals|markdown-it|lowlight|highlight\.js|@xyflow|d3-[^\\/]+|zustand|classcat|@dagrejs|html-to-image)[\\/])|[\\/]app[\\/]zodWithoutEval\.ts$/,
            },
            // The rich-text editor (TipTap, ProseMirror and their helpers) is loaded only by the
            // lazy document pages, so it must not join the vendor chunk that every page loads.
            // After vendor: a group takes its modules' dependencies too, and yjs, y-protocols and
            // lib0 must stay in vendor (the realtime client needs them on every page).
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[^\\/]+|y-prosemirror|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals|markdown-it|lowlight|highlight\.js)[\\/]/,
            },
            // The case-map canvas (React Flow and its d3 helpers, dagre, html-to-image): loaded only
            // by the lazy map page.
            {
              name: 'canvas',
              test: /node_modules[\\/](@xyflow|d3-[^\\/]+|zustand|classcat|@dagrejs|html-to-image)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
