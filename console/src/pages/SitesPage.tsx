import { useState } from 'react';
import { useAuth, RequireRole } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import { sortDays, type Site } from '../api/models';
import { Empty, ErrorMessage, Loading } from '../components/Status';
import { SiteForm } from '../sites/SiteForm';
import { emptySiteForm, siteToForm } from '../sites/validation';
import { formatRate } from '../format';
import { useLoad } from '../useLoad';

type Editing = { mode: 'none' } | { mode: 'create' } | { mode: 'edit'; site: Site };

function windowsText(site: Site): string {
  if (!site.transferWindows.length) return 'any time';
  return site.transferWindows.map((w) => `${sortDays(w.days).map((d) => d.slice(0, 3).toLowerCase()).join(' ')} ${w.start.slice(0, 5)}–${w.end.slice(0, 5)}`).join(', ');
}

/** Sites (branch offices): everyone reads them; admins create, edit and delete them. */
export function SitesPage() {
  const { api } = useAuth();
  const sites = useLoad(() => endpoints.sites(api), [api]);
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const [failure, setFailure] = useState<unknown>(null);

  const done = () => {
    setEditing({ mode: 'none' });
    sites.reload();
  };
  const remove = async (site: Site) => {
    if (!window.confirm(`Delete site ${site.name}? Only a site without agents can be deleted.`)) return;
    setFailure(null);
    try {
      await endpoints.deleteSite(api, site.id);
      sites.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section>
      <header className="page-header">
        <h1>Sites</h1>
        <RequireRole role="admin">
          {editing.mode === 'none' && <button type="button" className="button-primary" onClick={() => setEditing({ mode: 'create' })}>New site</button>}
        </RequireRole>
      </header>
      {editing.mode === 'create' && (
        <SiteForm initial={emptySiteForm} submitLabel="Create site" onCancel={() => setEditing({ mode: 'none' })}
          onSubmit={async (request) => { await endpoints.createSite(api, request); done(); }} />
      )}
      {editing.mode === 'edit' && (
        <SiteForm key={editing.site.id} initial={siteToForm(editing.site)} submitLabel={`Save ${editing.site.name}`} onCancel={() => setEditing({ mode: 'none' })}
          onSubmit={async (request) => { await endpoints.updateSite(api, editing.site.id, request); done(); }} />
      )}
      <ErrorMessage error={failure ?? sites.error} onRetry={sites.error ? sites.reload : undefined} />
      {!sites.data && sites.loading && <Loading what="sites" />}
      {sites.data && sites.data.length === 0 && <Empty>No sites yet. A site groups the agents of one office by their subnets.</Empty>}
      {sites.data && sites.data.length > 0 && (
        <table className="table">
          <thead><tr><th>Name</th><th>Subnets</th><th className="num">WAN budget</th><th>Transfer windows</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {sites.data.map((site) => (
              <tr key={site.id}>
                <th scope="row">{site.name}</th>
                <td className="mono">{site.subnets.join(', ')}</td>
                <td className="num">{formatRate(site.wanBudgetBytesPerSecond)}</td>
                <td>{windowsText(site)}</td>
                <td>
                  <RequireRole role="admin">
                    <div className="actions actions-inline">
                      <button type="button" aria-label={`Edit ${site.name}`} onClick={() => setEditing({ mode: 'edit', site })}>Edit</button>
                      <button type="button" className="button-danger" aria-label={`Delete ${site.name}`} onClick={() => remove(site)}>Delete</button>
                    </div>
                  </RequireRole>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
