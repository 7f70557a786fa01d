import { Navigate } from 'react-router';
import { useActiveCoalition } from '../modules/coalitions/hooks/useActiveCoalition';
import { NoCoalitionPage } from '../pages/NoCoalitionPage';

/** `/`: the last (or first) coalition, or the empty state when the organization has none. */
export function HomeRedirect() {
  const { coalition } = useActiveCoalition();
  if (!coalition) return <NoCoalitionPage />;
  return <Navigate to={`/c/${coalition.id}`} replace />;
}
