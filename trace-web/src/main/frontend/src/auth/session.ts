// Whether someone is signed in, for the whole Canvas: checked once at start (GET /api/me), set by
// the login page, ended by logging out or by any 401 the API answers later (the session expired,
// or was signed out on another tab or server). A plain store read through useSyncExternalStore.
import { useSyncExternalStore } from 'react'
import { api, ApiError, onUnauthorized } from '../api/client'
import { queryCache } from '../api/hooks'

/** Why the login page shows: nobody signed in yet, the session ran out, or the user logged out. */
export type SignedOutReason = 'none' | 'expired' | 'signed-out'

export type SessionState =
  { status: 'checking' } | { status: 'signed-in' } | { status: 'signed-out'; reason: SignedOutReason }

let state: SessionState = { status: 'checking' }
const listeners = new Set<() => void>()

function set(next: SessionState) {
  state = next
  listeners.forEach((listener) => listener())
}

onUnauthorized(() => {
  if (state.status === 'signed-in') set({ status: 'signed-out', reason: 'expired' })
})

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },

  get: (): SessionState => state,

  /** Asks the server who is signed in; anything but a 401 lets the Canvas show (and explain) it. */
  async check(): Promise<void> {
    try {
      await api.getMe()
      set({ status: 'signed-in' })
    } catch (error) {
      set(
        error instanceof ApiError && error.status === 401
          ? { status: 'signed-out', reason: 'none' }
          : { status: 'signed-in' },
      )
    }
  },

  /** After the login page signed in: nothing read as somebody else (or nobody) is kept. */
  signedIn(): void {
    queryCache.clear()
    set({ status: 'signed-in' })
  },

  /** Signs out here, then at the identity provider when the session came from it. */
  async signOut(): Promise<void> {
    let logoutUrl: string | undefined
    try {
      logoutUrl = (await api.signOut())?.logoutUrl
    } finally {
      queryCache.clear()
      set({ status: 'signed-out', reason: 'signed-out' })
    }
    if (logoutUrl) window.location.assign(logoutUrl)
  },
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get)
}
