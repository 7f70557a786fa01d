import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { billKeys, billsApi } from '../api/billsApi';
import type { BillFilters } from '../api/billsApi';

export function useBills(coalitionId: string, filters: BillFilters) {
  return useQuery({
    queryKey: billKeys.list(coalitionId, filters),
    queryFn: () => billsApi.list(coalitionId, filters),
    placeholderData: keepPreviousData,
  });
}

export function useBill(coalitionId: string, billId: string) {
  return useQuery({
    queryKey: billKeys.one(coalitionId, billId),
    queryFn: () => billsApi.get(coalitionId, billId),
  });
}

export function usePositionsMatrix(coalitionId: string) {
  return useQuery({
    queryKey: billKeys.matrix(coalitionId),
    queryFn: () => billsApi.matrix(coalitionId),
  });
}

export function useMeetings(coalitionId: string, upcoming: boolean) {
  return useQuery({
    queryKey: billKeys.meetings(coalitionId, upcoming),
    queryFn: () => billsApi.meetings(coalitionId, upcoming),
    placeholderData: keepPreviousData,
  });
}

export function useCalendarEvents(coalitionId: string) {
  return useQuery({
    queryKey: billKeys.events(coalitionId),
    queryFn: () => billsApi.events(coalitionId),
  });
}

export function useCoordinationAlerts(coalitionId: string) {
  return useQuery({
    queryKey: billKeys.alerts(coalitionId),
    queryFn: () => billsApi.alerts(coalitionId),
  });
}
