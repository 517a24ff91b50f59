import type { QueryState } from '../api/queryCache'
import type { Me } from '../api/types'
import './CurrentUser.css'
import { isAccessProblem } from '../api/client'
import { NOT_LOGGED_IN } from './access'
import { session } from './session'

/** Who is logged in, with their roles, and the way out. */
export function CurrentUser({ me }: { me: QueryState<Me> }) {
  if (me.status === 'error') {
    // Other failures (e.g. a server without accounts) are not the user's concern here.
    return isAccessProblem(me.error) ? <p className="note text-error">{NOT_LOGGED_IN}</p> : null
  }
  if (me.status !== 'success') return null
  return (
    <div className="current-user" data-testid="current-user">
      <span className="current-user__name">{me.data.user}</span>
      <span className="current-user__roles">{me.data.roles.join(', ') || 'no roles'}</span>
      <button
        type="button"
        className="button button--small current-user__logout"
        onClick={() => void session.signOut()}
        data-testid="logout-button"
      >
        Log out
      </button>
    </div>
  )
}
