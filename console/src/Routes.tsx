import { useAllows } from './auth/AuthContext';
import { ErrorMessage } from './components/Status';
import { AgentDetailPage } from './pages/AgentDetailPage';
import { AgentsPage } from './pages/AgentsPage';
import { ArtifactDetailPage } from './pages/ArtifactDetailPage';
import { ArtifactsPage } from './pages/ArtifactsPage';
import { AuditPage } from './pages/AuditPage';
import { DashboardPage } from './pages/DashboardPage';
import { EnrollmentPage } from './pages/EnrollmentPage';
import { JobDetailPage } from './pages/JobDetailPage';
import { JobsPage } from './pages/JobsPage';
import { NewJobPage } from './pages/NewJobPage';
import { SitesPage } from './pages/SitesPage';
import { match, useRoute } from './router';

const FORBIDDEN = 'Your role does not allow this page.';

/** Picks the page for the current hash route; pages a role may not use say so instead of failing on every call. */
export function Routes() {
  const path = useRoute();
  const isOperator = useAllows('operator');
  const isAdmin = useAllows('admin');
  let params: Record<string, string> | null;

  if (path === '/') return <DashboardPage />;
  if (path === '/jobs') return <JobsPage />;
  if (path === '/jobs/new') return isOperator ? <NewJobPage /> : <ErrorMessage error={FORBIDDEN} />;
  if ((params = match('/jobs/:id', path))) return <JobDetailPage key={params.id} id={params.id} />;
  if (path === '/artifacts') return <ArtifactsPage />;
  if ((params = match('/artifacts/:id', path))) return <ArtifactDetailPage key={params.id} id={params.id} />;
  if (path === '/agents') return <AgentsPage />;
  if ((params = match('/agents/:id', path))) return <AgentDetailPage key={params.id} id={params.id} />;
  if (path === '/sites') return <SitesPage />;
  if (path === '/enrollment') return isAdmin ? <EnrollmentPage /> : <ErrorMessage error={FORBIDDEN} />;
  if (path === '/audit') return isAdmin ? <AuditPage /> : <ErrorMessage error={FORBIDDEN} />;
  return <ErrorMessage error={`There is no page at ${path}.`} />;
}
