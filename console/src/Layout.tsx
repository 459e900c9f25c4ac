import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth, RequireRole } from './auth/AuthContext';
import { useRoute } from './router';

const NAV: { to: string; label: string; admin?: boolean }[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/artifacts', label: 'Artifacts' },
  { to: '/agents', label: 'Agents' },
  { to: '/sites', label: 'Sites' },
  { to: '/enrollment', label: 'Enrollment', admin: true },
  { to: '/audit', label: 'Audit log', admin: true },
];

function NavLink({ to, label }: { to: string; label: string }) {
  const route = useRoute();
  const active = to === '/' ? route === '/' : route === to || route.startsWith(`${to}/`);
  return <a href={`#${to}`} aria-current={active ? 'page' : undefined}>{label}</a>;
}

/** The signed-in frame: product name, navigation, who is signed in, the page, and the control plane's version. */
export function Layout({ version, children }: { version?: string; children: ReactNode }) {
  const { user, signOut } = useAuth();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(route);
  useEffect(() => {
    // after navigation, keyboard and screen-reader users continue at the new page, not at the link they left
    if (shown.current !== route) main.current?.focus();
    shown.current = route;
  }, [route]);
  return (
    <div className="layout">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Branchcast</span>
        <nav aria-label="Main">
          {NAV.map((item) => item.admin
            ? <RequireRole key={item.to} role="admin"><NavLink to={item.to} label={item.label} /></RequireRole>
            : <NavLink key={item.to} to={item.to} label={item.label} />)}
        </nav>
        <div className="user">
          <span>{user?.name} <span className="role">{user?.role}</span></span>
          <button type="button" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" ref={main} className="content" tabIndex={-1}>{children}</main>
      {version && <footer className="footer">Branchcast {version}</footer>}
    </div>
  );
}
