// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { ErrorBox } from './ErrorBox'

afterEach(cleanup)

describe('ErrorBox', () => {
  it('shows the problem detail and each error', () => {
    const error = new ApiError({
      status: 400,
      title: 'Bad Request',
      detail: 'The inputs are invalid',
      errors: ['question: required', 'limit: must be positive'],
    })
    render(<ErrorBox error={error} />)
    const box = screen.getByTestId('error-box')
    expect(box.textContent).toContain('Bad Request (400)')
    expect(box.textContent).toContain('The inputs are invalid')
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'question: required',
      'limit: must be positive',
    ])
  })

  it('explains a missing role for what the user tried', () => {
    const error = new ApiError({ status: 403, title: 'Forbidden', detail: 'Access denied' })
    render(<ErrorBox error={error} action="run" title="The run could not be started" />)
    expect(screen.getByTestId('access-problem').textContent).toBe(
      'Your account may read traces but not run workflows (role runner needed).',
    )
    expect(screen.getByTestId('error-box').textContent).toContain('Access denied')
  })

  it('tells a logged-out user to log in again, and says nothing extra for other errors', () => {
    const { rerender } = render(<ErrorBox error={new ApiError({ status: 401, title: 'Unauthorized', detail: '' })} />)
    expect(screen.getByTestId('access-problem').textContent).toContain('your session has expired: log in again')
    rerender(<ErrorBox error={new ApiError({ status: 500, title: 'Server Error', detail: 'boom' })} />)
    expect(screen.queryByTestId('access-problem')).toBeNull()
  })

  it('shows plain errors too', () => {
    render(<ErrorBox error={new Error('offline')} title="Could not load" />)
    expect(screen.getByRole('alert').textContent).toContain('offline')
  })
})
