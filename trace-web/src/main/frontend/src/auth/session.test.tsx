// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { AuthGate } from './AuthGate'
import { session } from './session'

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ status, title: 'Unauthorized', detail }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  document.cookie = 'wt_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
})

describe('the session', () => {
  it('shows the login page without a session, signs in, and then shows the Canvas', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = []
    let signedIn = false
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init })
        if (url === '/api/session' && !init.method) {
          return new Response(JSON.stringify({ oidc: { name: 'Keycloak', start: '/api/session/oidc' } }), {
            status: 200,
          })
        }
        if (url === '/api/session') {
          const body = JSON.parse(String(init.body)) as { password: string }
          if (body.password !== 'right') return problem(401, 'The user name or password is wrong')
          signedIn = true
          return new Response(JSON.stringify({ user: 'ada', roles: ['viewer'], csrfToken: 't' }), { status: 200 })
        }
        return signedIn
          ? new Response(JSON.stringify({ user: 'ada', roles: ['viewer'] }), { status: 200 })
          : problem(401, 'Log in')
      }),
    )
    render(
      <AuthGate>
        <p data-testid="canvas">the canvas</p>
      </AuthGate>,
    )
    await screen.findByTestId('login-form')
    expect((await screen.findByTestId('login-oidc')).textContent).toBe('Sign in with Keycloak')
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'ada' } })
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'wrong' } })
    fireEvent.submit(screen.getByTestId('login-form'))
    expect((await screen.findByTestId('login-error')).textContent).toContain('password is wrong')
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'right' } })
    fireEvent.submit(screen.getByTestId('login-form'))
    await screen.findByTestId('canvas')
    expect(calls.filter((c) => c.url === '/api/session' && c.init.method === 'POST')).toHaveLength(2)

    // A 401 later (the session expired on the server) brings the login page back, saying why.
    signedIn = false
    await expect(api.getMe()).rejects.toThrow()
    expect((await screen.findByTestId('login-notice')).textContent).toContain('expired')
    expect(session.get()).toEqual({ status: 'signed-out', reason: 'expired' })
  })

  it('sends the CSRF cookie as X-CSRF-Token on state-changing calls only', async () => {
    document.cookie = 'wt_csrf=abc123'
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)
    await api.deleteTrace('0123456789abcdef0123456789abcdef')
    await api.signOut()
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200 })),
    )
    await api.listWorkflows()
    const headers = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers)
    expect(headers[0]).toMatchObject({ 'X-CSRF-Token': 'abc123' })
    expect(headers[1]).toMatchObject({ 'X-CSRF-Token': 'abc123' })
    await waitFor(() => expect(session.get().status).toBe('signed-out'))
  })
})
