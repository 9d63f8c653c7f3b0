import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { AUDIT_TRAIL_ROLES } from '../pages/AuditTrail';

/** The frame of every signed-in page: skip link, navigation, who is signed in, sign out. */
export function Layout() {
  const { session, signOut, can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const loaded = useRef(false);
  // Moving to another page puts focus on its content; the first page keeps the browser's start (the skip link first).
  useEffect(() => {
    if (loaded.current) main.current?.focus();
    loaded.current = true;
  }, [location.pathname]);
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">aimsflow</span>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Dashboard
              </NavLink>
            </li>
            <li>
              <NavLink to="/inbox">Inbox</NavLink>
            </li>
            <li>
              <NavLink to="/systems">AI systems</NavLink>
            </li>
            <li>
              <NavLink to="/processes">Processes</NavLink>
            </li>
            <li>
              <NavLink to="/rules">Rules</NavLink>
            </li>
            <li>
              <NavLink to="/soa">SoA</NavLink>
            </li>
            {can(...AUDIT_TRAIL_ROLES) && (
              <li>
                <NavLink to="/audit-trail">Audit trail</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/notifications">Notifications</NavLink>
            </li>
            {can('admin') && (
              <li>
                <NavLink to="/admin/tokens">Tokens</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/impact-assessments">Impact assessments</NavLink>
            </li>
            <li>
              <NavLink to="/risks">Risks</NavLink>
            </li>
            <li>
              <NavLink to="/nonconformities">Nonconformities</NavLink>
            </li>
            <li>
              <NavLink to="/audits">Audits</NavLink>
            </li>
            <li>
              <NavLink to="/incidents">Incidents</NavLink>
            </li>
            <li>
              <NavLink to="/policies">Policies</NavLink>
            </li>
            <li>
              <NavLink to="/objectives">Objectives</NavLink>
            </li>
            <li>
              <NavLink to="/obligations">Obligations</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          <span>
            Signed in as <strong>{session.identity}</strong>
            <span className="roles"> ({session.roles.join(', ')})</span>
          </span>
          <Button className="button secondary" onPress={() => void signOut().then(() => navigate('/sign-in'))}>
            Sign out
          </Button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
