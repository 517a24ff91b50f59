import { useEffect, type ReactNode } from 'react'
import { Spinner } from '../ui/Spinner'
import { LoginPage } from './LoginPage'
import { session, useSession } from './session'

/** Shows the Canvas to a signed-in user and the login page to everyone else. */
export function AuthGate({ children }: { children: ReactNode }) {
  const state = useSession()
  useEffect(() => {
    if (session.get().status === 'checking') void session.check()
  }, [])
  if (state.status === 'checking') return <Spinner label="Checking your session…" />
  if (state.status === 'signed-out') return <LoginPage reason={state.reason} />
  return <>{children}</>
}
