import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { isCurrent, visibleNavigation } from '../navigation';
import { HeaderMenu } from './HeaderMenu';

const ACCOUNT = 'account';

/** The frame of every signed-in page: skip link, navigation (console/src/navigation.ts), who is signed in, sign out. */
export function Layout() {
  const { session, signOut, can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const loaded = useRef(false);
  // One header menu open at a time, by its label.
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  // Moving to another page puts focus on its content; the first page keeps the browser's start (the skip link first).
  useEffect(() => {
    if (loaded.current) main.current?.focus();
    loaded.current = true;
  }, [location.pathname]);
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const close = () => setOpenMenu(null);
  const toggle = (menu: string) => (open: boolean) => setOpenMenu(open ? menu : null);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">aimsflow</span>
        <nav aria-label="Main">
          <ul>
            {visibleNavigation(can).map((group) =>
              group.inline ? (
                group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))
              ) : (
                <li key={group.label}>
                  <HeaderMenu
                    label={group.label}
                    current={group.items.some((item) => isCurrent(item, location.pathname))}
                    open={openMenu === group.label}
                    onOpenChange={toggle(group.label)}
                  >
                    <ul>
                      {group.items.map((item) => (
                        <li key={item.to}>
                          <NavLink to={item.to} end={item.end} onClick={close}>
                            {item.label}
                          </NavLink>
                        </li>
                      ))}
                    </ul>
                  </HeaderMenu>
                </li>
              ),
            )}
          </ul>
        </nav>
        <div className="who">
          <HeaderMenu
            label={
              <>
                <span className="visually-hidden">Signed in as </span>
                <span className="identity">{session.identity}</span>
              </>
            }
            current={location.pathname === '/me'}
            open={openMenu === ACCOUNT}
            onOpenChange={toggle(ACCOUNT)}
          >
            <p>
              Signed in as <strong>{session.identity}</strong>
            </p>
            <p>Roles: {session.roles.join(', ')}</p>
            <ul>
              <li>
                <NavLink to="/me" onClick={close}>
                  My profile
                </NavLink>
              </li>
            </ul>
          </HeaderMenu>
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
