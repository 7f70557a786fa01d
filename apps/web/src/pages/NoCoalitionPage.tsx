import { useDocumentTitle } from '../ui/useDocumentTitle';
import { NoCoalitionState } from '../modules/coalitions/components/NoCoalitionState';

export function NoCoalitionPage() {
  useDocumentTitle('Get started');
  return <NoCoalitionState />;
}
