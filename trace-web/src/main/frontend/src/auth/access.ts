// What the logged-in user may do, from their roles (GET /api/me), and how to explain a refusal.
// The server enforces every rule; the Canvas only hides or disables what would be refused.
import { ApiError } from '../api/client'
import type { Me, Role } from '../api/types'

/** Things the Canvas lets a user do that need a role. */
export type Action = 'read' | 'run' | 'deleteTrace' | 'admin'

export const REQUIRED_ROLE: Record<Action, Role> = {
  read: 'viewer',
  run: 'runner',
  deleteTrace: 'admin',
  admin: 'admin',
}

/**
 * Whether the user holds the role. The server checks each role by name and gives a user every
 * role it acts in (a runner is also a viewer; docs/security.md), so the Canvas does the same: an
 * account with only `admin` may not run workflows.
 */
export function hasRole(roles: readonly string[], role: Role): boolean {
  return roles.includes(role)
}

/**
 * 'allowed' or 'denied' once the user is known; 'unknown' before (or when /api/me failed), when
 * the Canvas should neither show admin-only controls nor lock out what the server may allow.
 */
export type Access = 'allowed' | 'denied' | 'unknown'

export function accessTo(me: Me | undefined, action: Action): Access {
  if (!me) return 'unknown'
  return hasRole(me.roles, REQUIRED_ROLE[action]) ? 'allowed' : 'denied'
}

const DENIED: Record<Action, string> = {
  read: 'Your account may not read workflows and traces (role viewer needed).',
  run: 'Your account may read traces but not run workflows (role runner needed).',
  deleteTrace: 'Your account may not delete traces (role admin needed).',
  admin: 'Your account may not see the tracing settings and pipeline health (role admin needed).',
}

export const NOT_LOGGED_IN = 'You are not logged in, or your session has expired: log in again.'

/** Why the user may not do the action. */
export function deniedMessage(action: Action): string {
  return DENIED[action]
}

/** A plain explanation of a 401 or 403 answer to the action; null for any other error. */
export function accessProblemMessage(error: unknown, action: Action = 'read'): string | null {
  if (!(error instanceof ApiError)) return null
  if (error.status === 401) return NOT_LOGGED_IN
  if (error.status === 403) return DENIED[action]
  return null
}
