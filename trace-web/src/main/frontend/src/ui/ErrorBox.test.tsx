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

  it('shows plain errors too', () => {
    render(<ErrorBox error={new Error('offline')} title="Could not load" />)
    expect(screen.getByRole('alert').textContent).toContain('offline')
  })
})
