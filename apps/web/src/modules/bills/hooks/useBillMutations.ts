import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BillPositionInput, BillWatch, MeetingUpdate } from '@coalesce/protocol';
import { billsApi } from '../api/billsApi';
import type {
  BillActionRequest,
  BillCreateRequest,
  BillImportRequest,
  CalendarEventRequest,
  MeetingCreateRequest,
} from '../api/billsApi';

/** After a change, refresh everything of the coalition's bill tracker (others get it live). */
function useRefresh(coalitionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['coalitions', coalitionId] });
}

export function useCreateBill(c: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: BillCreateRequest) => billsApi.create(c, input),
    onSuccess: refresh,
  });
}

export function useAddBillAction(c: string, billId: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: BillActionRequest) => billsApi.addAction(c, billId, input),
    onSuccess: refresh,
  });
}

export function useWatchBill(c: string, billId: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: BillWatch) => billsApi.watch(c, billId, input),
    onSuccess: refresh,
  });
}

export function useFollowBill(c: string, billId: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (following: boolean) => billsApi.follow(c, billId, following),
    onSuccess: refresh,
  });
}

export function useSetLead(c: string, billId: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (organizationId: string | null) => billsApi.setLead(c, billId, organizationId),
    onSuccess: refresh,
  });
}

export function useSetPosition(c: string, billId: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: BillPositionInput) => billsApi.setPosition(c, billId, input),
    onSuccess: refresh,
  });
}

export function useBillImport(c: string) {
  const refresh = useRefresh(c);
  return {
    preview: useMutation({
      mutationFn: (input: BillImportRequest) => billsApi.previewImport(c, input),
    }),
    apply: useMutation({
      mutationFn: (input: BillImportRequest) => billsApi.applyImport(c, input),
      onSuccess: refresh,
    }),
  };
}

export function useCreateMeeting(c: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: MeetingCreateRequest) => billsApi.createMeeting(c, input),
    onSuccess: refresh,
  });
}

export function useCreateCalendarEvent(c: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: (input: CalendarEventRequest) => billsApi.createEvent(c, input),
    onSuccess: refresh,
  });
}

export function useBillDocumentLinks(c: string, billId: string) {
  const refresh = useRefresh(c);
  return {
    link: useMutation({
      mutationFn: (documentId: string) => billsApi.linkDocument(c, billId, documentId),
      onSuccess: refresh,
    }),
    unlink: useMutation({
      mutationFn: (documentId: string) => billsApi.unlinkDocument(c, billId, documentId),
      onSuccess: refresh,
    }),
  };
}

export function useUpdateMeeting(c: string) {
  const refresh = useRefresh(c);
  return useMutation({
    mutationFn: ({ meetingId, input }: { meetingId: string; input: MeetingUpdate }) =>
      billsApi.updateMeeting(c, meetingId, input),
    onSuccess: refresh,
  });
}
