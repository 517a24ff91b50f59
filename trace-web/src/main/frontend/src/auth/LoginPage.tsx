import { useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import { queries, useQuery } from '../api/hooks'
import { session, type SignedOutReason } from './session'
import './LoginPage.css'

const NOTICE: Record<SignedOutReason, string | null> = {
  none: null,
  expired: 'Your session has expired: log in again.',
  'signed-out': 'You have logged out.',
}

const signInOptions = queries.signInOptions()

/**
 * The Canvas's own login page: a user of the server's realm signs in with name and password, or
 * anyone through the identity provider when single sign-on is configured.
 */
export function LoginPage({ reason }: { reason: SignedOutReason }) {
  const options = useQuery(signInOptions)
  const provider = options.data?.oidc
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.signIn(username.trim(), password)
      session.signedIn()
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.detail : String(cause))
      setBusy(false)
    }
  }

  const notice = NOTICE[reason]
  return (
    <main className="login-page">
      <form className="login-form" onSubmit={submit} data-testid="login-form" aria-labelledby="login-title">
        <h1 id="login-title">Workflow Tracing</h1>
        {notice && (
          <p className="login-form__notice" data-testid="login-notice">
            {notice}
          </p>
        )}
        <label>
          User name
          <input
            className="input"
            autoComplete="username"
            value={username}
            maxLength={256}
            required
            autoFocus
            onChange={(event) => setUsername(event.target.value)}
            data-testid="login-username"
          />
        </label>
        <label>
          Password
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            maxLength={1024}
            required
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        {error && (
          <p className="login-form__error text-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : 'Log in'}
        </button>
        {provider && (
          <a className="button login-form__provider" href={provider.start} data-testid="login-oidc">
            Sign in with {provider.name}
          </a>
        )}
      </form>
    </main>
  )
}
