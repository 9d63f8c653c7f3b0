import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { AuditTrail } from './pages/AuditTrail';
import { Dashboard } from './pages/Dashboard';
import { Inbox } from './pages/Inbox';
import { NotFound } from './pages/NotFound';
import { Notifications } from './pages/Notifications';
import { People } from './pages/People';
import { PersonDetail } from './pages/PersonDetail';
import { Profile } from './pages/Profile';
import { Roles } from './pages/Roles';
import { SignIn } from './pages/SignIn';
import { Soa } from './pages/Soa';
import { SystemDetail } from './pages/SystemDetail';
import { SystemNew } from './pages/SystemNew';
import { Systems } from './pages/Systems';
import { TaskPage } from './pages/TaskPage';
import { Tokens } from './pages/Tokens';
import { WebhookDetail } from './pages/WebhookDetail';
import { Webhooks } from './pages/Webhooks';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Dashboard /> },
      { path: 'inbox', element: <Inbox /> },
      { path: 'notifications', element: <Notifications /> },
      { path: 'me', element: <Profile /> },
      { path: 'admin/people', element: <People /> },
      { path: 'admin/people/:id', element: <PersonDetail /> },
      { path: 'admin/roles', element: <Roles /> },
      { path: 'admin/webhooks', element: <Webhooks /> },
      { path: 'admin/webhooks/:id', element: <WebhookDetail /> },
      { path: 'admin/tokens', element: <Tokens /> },
      { path: 'soa', element: <Soa /> },
      { path: 'audit-trail', element: <AuditTrail /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'systems', element: <Systems /> },
      { path: 'systems/new', element: <SystemNew /> },
      { path: 'systems/:id', element: <SystemDetail /> },
      // The diagram viewer is large: loaded only when a process is opened.
      { path: 'processes', lazy: async () => ({ Component: (await import('./pages/Processes')).Processes }) },
      { path: 'processes/instances/:id', lazy: async () => ({ Component: (await import('./pages/InstancePage')).InstancePage }) },
      { path: 'rules', lazy: async () => ({ Component: (await import('./pages/Rules')).Rules }) },
      // The registers, each page file in its own chunk loaded when first opened.
      { path: 'impact-assessments', lazy: async () => ({ Component: (await import('./pages/ImpactAssessments')).ImpactAssessments }) },
      { path: 'impact-assessments/:id', lazy: async () => ({ Component: (await import('./pages/ImpactAssessments')).ImpactAssessmentDetail }) },
      { path: 'risks', lazy: async () => ({ Component: (await import('./pages/Risks')).Risks }) },
      { path: 'risks/:id', lazy: async () => ({ Component: (await import('./pages/Risks')).RiskDetail }) },
      { path: 'nonconformities', lazy: async () => ({ Component: (await import('./pages/Nonconformities')).Nonconformities }) },
      { path: 'nonconformities/new', lazy: async () => ({ Component: (await import('./pages/Nonconformities')).NonconformityNew }) },
      { path: 'nonconformities/:id', lazy: async () => ({ Component: (await import('./pages/Nonconformities')).NonconformityDetail }) },
      { path: 'audits', lazy: async () => ({ Component: (await import('./pages/Audits')).Audits }) },
      { path: 'audits/new', lazy: async () => ({ Component: (await import('./pages/Audits')).AuditNew }) },
      { path: 'audits/:id', lazy: async () => ({ Component: (await import('./pages/Audits')).AuditDetail }) },
      { path: 'incidents', lazy: async () => ({ Component: (await import('./pages/Incidents')).Incidents }) },
      { path: 'incidents/new', lazy: async () => ({ Component: (await import('./pages/Incidents')).IncidentNew }) },
      { path: 'incidents/:id', lazy: async () => ({ Component: (await import('./pages/Incidents')).IncidentDetail }) },
      { path: 'policies', lazy: async () => ({ Component: (await import('./pages/Policies')).Policies }) },
      { path: 'policies/:id', lazy: async () => ({ Component: (await import('./pages/Policies')).PolicyDetail }) },
      { path: 'objectives', lazy: async () => ({ Component: (await import('./pages/Objectives')).Objectives }) },
      { path: 'objectives/:id', lazy: async () => ({ Component: (await import('./pages/Objectives')).ObjectiveDetail }) },
      { path: 'obligations', lazy: async () => ({ Component: (await import('./pages/Obligations')).Obligations }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
