// API tokens on the admin page: create one (its secret shown once), see them all, revoke one.
import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { queries, queryCache, useQuery } from '../api/hooks'
import type { CreatedToken, TokenRequest } from '../api/types'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { formatDateTime } from '../ui/format'
import { AdminSection } from './AdminSection'

const ROLES: TokenRequest['role'][] = ['viewer', 'runner', 'admin', 'ingest']
const DAY_MS = 86_400_000

/** A date input's value, `days` from today. */
function dateInDays(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
}

const tokensQuery = queries.tokens()

export function TokensPanel() {
  const tokens = useQuery(tokensQuery)
  const [name, setName] = useState('')
  const [role, setRole] = useState<TokenRequest['role']>('viewer')
  const [expires, setExpires] = useState(() => dateInDays(90))
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [error, setError] = useState<unknown>(null)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      setCreated(await api.createToken({ name: name.trim(), role, expiresAt: `${expires}T00:00:00Z` }))
      setName('')
      queryCache.invalidate(tokensQuery.key)
    } catch (cause) {
      setError(cause)
    }
  }

  const revoke = async (id: string) => {
    setError(null)
    try {
      await api.revokeToken(id)
      queryCache.invalidate(tokensQuery.key)
    } catch (cause) {
      setError(cause)
    }
  }

  return (
    <AdminSection titleId="tokens-title" title="API tokens">
      <p className="muted">
        Scripts send a token as <code>Authorization: Bearer …</code> and act in its role; <code>ingest</code> only sends
        spans to the OTLP receiver. A revoked or expired token is refused at once, on every server.
      </p>
      <form className="audit-filters" onSubmit={create} data-testid="token-form">
        <input
          className="input input--small"
          placeholder="name, e.g. nightly-ci"
          value={name}
          maxLength={100}
          required
          onChange={(event) => setName(event.target.value)}
          data-testid="token-name"
        />
        <select
          className="input input--small"
          value={role}
          onChange={(event) => setRole(event.target.value as TokenRequest['role'])}
          data-testid="token-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <label className="muted">
          expires{' '}
          <input
            className="input input--small"
            type="date"
            value={expires}
            min={dateInDays(1)}
            required
            onChange={(event) => setExpires(event.target.value)}
            data-testid="token-expires"
          />
        </label>
        <button type="submit" className="button button--small button--primary" data-testid="token-create">
          Create token
        </button>
      </form>
      {created && (
        <div className="token-secret" role="status" data-testid="token-created">
          <strong>{created.token.name}</strong>: copy the token now, it is not shown again.
          <pre className="mono" data-testid="token-secret">
            {created.secret}
          </pre>
        </div>
      )}
      {error !== null && <ErrorBox error={error} action="admin" title="The token was not changed" />}
      {tokens.status === 'error' && <ErrorBox error={tokens.error} action="admin" title="Could not list the tokens" />}
      {tokens.status === 'loading' && !tokens.data && <Spinner label="Loading the tokens…" />}
      {tokens.data && (
        <table className="search-table" data-testid="token-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>State</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id} data-testid="token-row" data-name={token.name} data-state={token.state}>
                <td>{token.name}</td>
                <td>{token.role}</td>
                <td>{token.state}</td>
                <td>
                  {formatDateTime(token.createdAt)} by {token.createdBy}
                </td>
                <td>{formatDateTime(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
                <td>
                  {token.state === 'active' && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => void revoke(token.id)}
                      data-testid="token-revoke"
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tokens.data && tokens.data.items.length === 0 && <p className="muted">No tokens yet.</p>}
    </AdminSection>
  )
}
