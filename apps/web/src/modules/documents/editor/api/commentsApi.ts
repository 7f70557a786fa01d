import type {
  CommentReplyCreate,
  CommentThreadCreate,
  CommentThreadDto,
  CommentThreadStatus,
} from '@coalesce/protocol';
import { http } from '../../../../lib/httpClient';
import { docPath } from './documentApi';

const threads = (docId: string) => `${docPath(docId)}/comments`;
const thread = (docId: string, threadId: string) =>
  `${threads(docId)}/${encodeURIComponent(threadId)}`;

export const commentsApi = {
  list: (docId: string) => http.get<CommentThreadDto[]>(threads(docId)),
  create: (docId: string, input: CommentThreadCreate) =>
    http.post<CommentThreadDto>(threads(docId), input),
  reply: (docId: string, threadId: string, input: CommentReplyCreate) =>
    http.post<CommentThreadDto>(`${thread(docId, threadId)}/replies`, input),
  setStatus: (docId: string, threadId: string, status: CommentThreadStatus['status']) =>
    http.put<CommentThreadDto>(`${thread(docId, threadId)}/status`, { status }),
};
