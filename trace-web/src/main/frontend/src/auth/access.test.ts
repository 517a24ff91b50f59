import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { NOT_LOGGED_IN, accessProblemMessage, accessTo, hasRole } from './access'

const problem = (status: number) => new ApiError({ status, title: 'x', detail: 'x' })

describe('roles', () => {
  it('checks each role by name, as the server does', () => {
    expect(hasRole(['viewer', 'runner'], 'runner')).toBe(true)
    expect(hasRole(['viewer', 'runner'], 'admin')).toBe(false)
    expect(hasRole(['viewer'], 'runner')).toBe(false)
    // A user holds every role it acts in: admin alone does not include running.
    expect(hasRole(['admin'], 'runner')).toBe(false)
  })

  it('ignores roles it does not know and copes with none', () => {
    expect(hasRole(['auditor'], 'viewer')).toBe(false)
    expect(hasRole([], 'viewer')).toBe(false)
  })
})

describe('accessTo', () => {
  it('allows or denies once the user is known', () => {
    const ada = { user: 'ada', roles: ['viewer', 'runner'] }
    expect(accessTo(ada, 'read')).toBe('allowed')
    expect(accessTo(ada, 'run')).toBe('allowed')
    expect(accessTo(ada, 'deleteTrace')).toBe('denied')
    expect(accessTo(ada, 'admin')).toBe('denied')
    expect(accessTo({ user: 'vic', roles: ['viewer'] }, 'run')).toBe('denied')
    expect(accessTo({ user: 'root', roles: ['admin'] }, 'deleteTrace')).toBe('allowed')
    expect(accessTo({ user: 'root', roles: ['admin'] }, 'run')).toBe('denied')
  })

  it('does not know before /api/me has answered', () => {
    expect(accessTo(undefined, 'run')).toBe('unknown')
  })
})

describe('accessProblemMessage', () => {
  it('explains a missing role for the action', () => {
    expect(accessProblemMessage(problem(403), 'run')).toBe(
      'Your account may read traces but not run workflows (role runner needed).',
    )
    expect(accessProblemMessage(problem(403), 'deleteTrace')).toContain('role admin needed')
    expect(accessProblemMessage(problem(403))).toContain('role viewer needed')
  })

  it('explains a missing login, and nothing else', () => {
    expect(accessProblemMessage(problem(401), 'run')).toBe(NOT_LOGGED_IN)
    expect(accessProblemMessage(problem(404), 'run')).toBeNull()
    expect(accessProblemMessage(new Error('offline'), 'run')).toBeNull()
  })
})
