import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { AuditTrail } from './pages/AuditTrail';
import { Dashboard } from './pages/Dashboard';
import { Inbox } from './pages/Inbox';
import { NotFound } from './pages/NotFound';
import { Notifications } from './pages/Notifications';
import { SignIn } from './pages/SignIn';
import { Soa } from './pages/Soa';
import { SystemDetail } from './pages/SystemDetail';
import { SystemNew } from './pages/SystemNew';
import { Systems } from './pages/Systems';
import { TaskPage } from './pages/TaskPage';
import { Tokens } from './pages/Tokens';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignIn /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Dashboard /> },
      { path: 'inbox', element: <Inbox /> },
      { path: 'notifications', element: <Notifications /> },
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
