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
      { path: '*', element: <NotFound /> },
    ],
  },
]);
