import { useMutation } from '@tanstack/react-query';
import { exportApi } from '../api/exportApi';

/** Fetches the Markdown export and hands it to the browser as a download. */
export function useDownloadMarkdown(docId: string, title: string) {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await exportApi.markdown(docId, safeFileName(title));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'document';
}
