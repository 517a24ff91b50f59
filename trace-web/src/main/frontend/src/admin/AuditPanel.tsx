// The audit trail on the admin page: who did what, newest first, filtered by user and action,
// older rows a page at a time.
import { useState } from 'react'
import { api } from '../api/client'
import { useAuditPage } from '../api/hooks'
import type { AuditPage } from '../api/types'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { formatDateTime } from '../ui/format'
import { AdminSection } from './AdminSection'

const ACTIONS = [
  'trace.deleted',
  'traces.imported',
  'traces.purged',
  'recording.paused',
  'recording.resumed',
  'workflow.saved',
  'run.cancelled',
  'login.failed',
  'login',
  'logout',
  'token.created',
  'token.revoked',
  'artifacts.opened',
] as const

type Row = AuditPage['items'][number]

export function AuditPanel() {
  const [actor, setActor] = useState('')
  const [action, setAction] = useState('')
  const [filter, setFilter] = useState({ actor: '', action: '' })
  return (
    <AdminSection titleId="audit-title" title="Audit trail">
      <form
        className="audit-filters"
        onSubmit={(event) => {
          event.preventDefault()
          setFilter({ actor: actor.trim(), action })
        }}
      >
        <input
          className="input input--small"
          placeholder="user"
          value={actor}
          maxLength={255}
          onChange={(event) => setActor(event.target.value)}
          data-testid="audit-actor"
        />
        <select
          className="input input--small"
          value={action}
          onChange={(event) => setAction(event.target.value)}
          data-testid="audit-action"
        >
          <option value="">every action</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small">
          Filter
        </button>
      </form>
      {/* Keyed by the filter: a new filter starts again from the newest page. */}
      <AuditRows key={`${filter.actor}|${filter.action}`} actor={filter.actor} action={filter.action} />
    </AdminSection>
  )
}

function AuditRows({ actor, action }: { actor: string; action: string }) {
  const first = useAuditPage(actor, action)
  const [older, setOlder] = useState<Row[]>([])
  const [next, setNext] = useState<string | null | undefined>(undefined)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const cursor = next === undefined ? (first.data?.nextCursor ?? null) : next
  const rows = [...(first.data?.items ?? []), ...older]

  const loadOlder = (from: string) => {
    setLoading(true)
    api
      .listAudit({ actor: actor || undefined, action: action || undefined, cursor: from })
      .then((page) => {
        setOlder((before) => [...before, ...page.items])
        setNext(page.nextCursor)
      })
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))))
      .finally(() => setLoading(false))
  }

  return (
    <>
      {first.status === 'error' && (
        <ErrorBox error={first.error} action="admin" title="Could not read the audit trail" />
      )}
      {error && <ErrorBox error={error} action="admin" title="Could not read older rows" />}
      <table className="search-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>User</th>
            <th>Address</th>
            <th>Action</th>
            <th>Target</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.eventId} data-testid="audit-row" data-action={row.action}>
              <td>
                <time dateTime={row.at}>{formatDateTime(row.at)}</time>
              </td>
              <td>{row.actor}</td>
              <td className="mono">{row.address ?? '—'}</td>
              <td>{row.action}</td>
              <td className="mono">{row.target ?? '—'}</td>
              <td>{row.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(loading || (first.status === 'loading' && !first.data)) && <Spinner label="Loading…" />}
      {first.data && rows.length === 0 && <p className="muted">Nothing audited yet.</p>}
      {cursor && !loading && (
        <button type="button" className="button button--small" onClick={() => loadOlder(cursor)}>
          Older
        </button>
      )}
    </>
  )
}
