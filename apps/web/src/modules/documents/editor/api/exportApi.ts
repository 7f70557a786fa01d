import { http } from '../../../../lib/httpClient';
import { fileNameFromDisposition } from '../utils/fileNameFromDisposition';
import { docPath } from './documentApi';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export const exportApi = {
  /** GET /documents/:docId/export.md, with the access token (a plain link would have none). */
  async markdown(docId: string, fallbackName: string): Promise<DownloadedFile> {
    const res = await http.raw(`${docPath(docId)}/export.md`);
    const fileName =
      fileNameFromDisposition(res.headers.get('Content-Disposition')) ?? `${fallbackName}.md`;
    return { blob: await res.blob(), fileName };
  },
};
