import { useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { EnrollmentToken } from '../api/models';
import { Pager } from '../components/Pager';
import { Empty, ErrorMessage, Loading, StateBadge } from '../components/Status';
import { EnrollmentForm } from '../enrollment/EnrollmentForm';
import { formatTime } from '../format';
import { useSites } from '../sites/useSiteNames';
import { useLoad } from '../useLoad';

const PAGE_SIZE = 20;

/** Where a token stands, for its badge: revoked, expired, used up, or active. */
export function tokenState(token: EnrollmentToken, now = Date.now()): 'revoked' | 'expired' | 'used' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (Date.parse(token.expiresAt) <= now) return 'expired';
  if (token.uses >= token.maxUses) return 'used';
  return 'active';
}

/** The one moment the secret is visible: the ready install command, with a copy button. */
function CreatedToken({ token, onDone }: { token: EnrollmentToken; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(token.installCommand ?? '');
    setCopied(true);
  };
  return (
    <div className="card notice" role="region" aria-label="New enrollment token">
      <h2>Install command</h2>
      <p>Run this as root on each Linux workstation of the site. <strong>Copy it now: the token is not shown again.</strong></p>
      <pre className="command" aria-label="Install command">{token.installCommand}</pre>
      <div className="actions">
        <button type="button" className="button-primary" onClick={copy}>{copied ? 'Copied' : 'Copy command'}</button>
        <button type="button" onClick={onDone}>Done</button>
      </div>
    </div>
  );
}

/** Enrollment (admins): tokens that let new workstations join a site, and the install command to use them. */
export function EnrollmentPage() {
  const { api } = useAuth();
  const sites = useSites();
  const [page, setPage] = useState(0);
  const tokens = useLoad(() => endpoints.enrollmentTokens(api, { page, size: PAGE_SIZE }), [api, page]);
  const [created, setCreated] = useState<EnrollmentToken | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const revoke = async (token: EnrollmentToken) => {
    if (!window.confirm(`Revoke this token of ${sites.nameOf(token.siteId)}? Agents it enrolled stay enrolled.`)) return;
    setFailure(null);
    try {
      await endpoints.revokeEnrollmentToken(api, token.id);
      tokens.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section>
      <header className="page-header"><h1>Enrollment</h1></header>
      {created
        ? <CreatedToken token={created} onDone={() => setCreated(null)} />
        : sites.data && (sites.data.length
          ? <EnrollmentForm sites={sites.data} onSubmit={async (request) => {
            setCreated(await endpoints.createEnrollmentToken(api, request));
            tokens.reload();
          }} />
          : <Empty>Create a site first: every agent enrolls into a site.</Empty>)}
      <ErrorMessage error={failure ?? tokens.error ?? sites.error} onRetry={tokens.error ? tokens.reload : undefined} />
      {!tokens.data && tokens.loading && <Loading what="enrollment tokens" />}
      {tokens.data && tokens.data.total === 0 && <Empty>No enrollment tokens yet.</Empty>}
      {tokens.data && tokens.data.total > 0 && (
        <>
          <table className="table">
            <thead><tr><th>Site</th><th>Labels</th><th className="num">Used</th><th>Expires</th><th>Created by</th><th>State</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {tokens.data.items.map((token) => {
                const state = tokenState(token);
                return (
                  <tr key={token.id}>
                    <th scope="row">{sites.nameOf(token.siteId)}</th>
                    <td>{token.labels.length ? token.labels.map((l) => <span key={l} className="tag">{l}</span>) : '—'}</td>
                    <td className="num">{token.uses} / {token.maxUses}</td>
                    <td>{formatTime(token.expiresAt)}</td>
                    <td>{token.createdBy}</td>
                    <td><StateBadge state={state} /></td>
                    <td>{state === 'active' && <button type="button" className="button-danger" aria-label={`Revoke token of ${sites.nameOf(token.siteId)} created ${formatTime(token.createdAt)}`} onClick={() => revoke(token)}>Revoke</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager page={page} size={PAGE_SIZE} total={tokens.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
