import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { AcceptCoalitionInvitePage } from '../pages/AcceptCoalitionInvitePage';
import { BillPage } from '../pages/BillPage';
import { BillsPage } from '../pages/BillsPage';
import { CaseMapsPage } from '../pages/CaseMapsPage';
import { MeetingsPage } from '../pages/MeetingsPage';
import { PositionsMatrixPage } from '../pages/PositionsMatrixPage';
import { CoalitionAuditPage } from '../pages/CoalitionAuditPage';
import { CoalitionMembersPage } from '../pages/CoalitionMembersPage';
import { CoalitionOverviewPage } from '../pages/CoalitionOverviewPage';
import { DocumentsPage } from '../pages/DocumentsPage';
import { JoinPage } from '../pages/JoinPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OrganizationPage } from '../pages/OrganizationPage';
import { SessionsPage } from '../pages/SessionsPage';
import { SignInPage } from '../pages/SignInPage';
import { SignUpPage } from '../pages/SignUpPage';
import { TasksPage } from '../pages/TasksPage';
import { TwoFactorSetupPage } from '../pages/TwoFactorSetupPage';
import { NotificationSettingsPage } from '../pages/NotificationSettingsPage';
import { WorkingGroupsPage } from '../pages/WorkingGroupsPage';
import { TWO_FACTOR_SETUP_PATH } from '../modules/two-factor/twoFactorSetupPath';
import { AppLayout } from './AppLayout';
import { CoalitionRoute } from './CoalitionRoute';
import { GuestOnly } from './GuestOnly';
import { HomeRedirect } from './HomeRedirect';
import { CaseMapPage, DocumentEditorPage, DocumentPrintPage } from './lazyPages';
import { RequireAuth } from './RequireAuth';

export const routes: RouteObject[] = [
  {
    element: <GuestOnly />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
    ],
  },
  { path: '/join', element: <JoinPage /> },
  {
    element: <RequireAuth />,
    children: [
      // Outside the app's frame: members held until they turn two-factor on can reach only this.
      { path: TWO_FACTOR_SETUP_PATH, element: <TwoFactorSetupPage /> },
      // The print view: the document alone, without the app's header and navigation.
      {
        path: '/c/:coalitionId/documents/:docId/print',
        element: <CoalitionRoute />,
        children: [{ index: true, element: <DocumentPrintPage /> }],
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: '/c/:coalitionId',
            element: <CoalitionRoute />,
            children: [
              { index: true, element: <CoalitionOverviewPage /> },
              { path: 'documents', element: <DocumentsPage /> },
              { path: 'bills', element: <BillsPage /> },
              { path: 'bills/:billId', element: <BillPage /> },
              { path: 'positions', element: <PositionsMatrixPage /> },
              { path: 'meetings', element: <MeetingsPage /> },
              { path: 'tasks', element: <TasksPage /> },
              { path: 'members', element: <CoalitionMembersPage /> },
              { path: 'working-groups', element: <WorkingGroupsPage /> },
              { path: 'audit', element: <CoalitionAuditPage /> },
              { path: 'documents/:docId', element: <DocumentEditorPage /> },
              { path: 'case-maps', element: <CaseMapsPage /> },
              { path: 'case-maps/:docId', element: <CaseMapPage /> },
            ],
          },
          { path: '/organization', element: <OrganizationPage /> },
          { path: '/account/security', element: <SessionsPage /> },
          { path: '/account/notifications', element: <NotificationSettingsPage /> },
          { path: '/accept-coalition-invite', element: <AcceptCoalitionInvitePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
