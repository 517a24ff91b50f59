import { describe, expect, it } from 'vitest'
import { fieldOfProblem, formatSearch, idKind, parseSearch, toRunFilter } from './searchQuery'

describe('search query', () => {
  it('round-trips through the URL with the API names, leaving out empty and unknown ones', () => {
    const query = { workflowId: 'fan-out', status: 'FAILED', minDurationMs: '100', sort: 'duration' }
    expect(formatSearch(query)).toBe('?workflowId=fan-out&status=FAILED&minDurationMs=100&sort=duration')
    expect(parseSearch(formatSearch(query))).toEqual(query)
    expect(parseSearch('?status=&bogus=1&name=llm%20ask')).toEqual({ name: 'llm ask' })
    expect(formatSearch({})).toBe('')
  })

  it('passes the filters to the API as typed, with the page', () => {
    expect(toRunFilter({ from: ' 2026-01-01T00:00:00Z ', to: '' }, 50, 'abc')).toEqual({
      limit: 50,
      from: '2026-01-01T00:00:00Z',
      cursor: 'abc',
    })
  })

  it("finds the field a problem is about from the API's detail", () => {
    expect(fieldOfProblem('"minDurationMs" must be a whole number of milliseconds')).toBe('minDurationMs')
    expect(fieldOfProblem('"from" must be before "to"')).toBe('from')
    expect(fieldOfProblem('"limit" must be a whole number')).toBeNull()
    expect(fieldOfProblem('Invalid cursor')).toBeNull()
  })

  it('tells trace ids from run ids', () => {
    expect(idKind('0af7651916cd43dd8448eb211c80319c')).toBe('trace')
    expect(idKind(' 6f1c2d3e-0000-4000-8000-000000000001 ')).toBe('run')
    expect(idKind('hello')).toBeNull()
  })

  it('keeps a relative range in the URL and sends it as from, measured back from the search', () => {
    const query = parseSearch('?since=1h&workflowId=fan-out')
    expect(query).toEqual({ since: '1h', workflowId: 'fan-out' })
    expect(formatSearch(query)).toBe('?workflowId=fan-out&since=1h')
    const searchedAt = Date.parse('2026-12-02T12:00:00Z')
    expect(toRunFilter(query, 50, undefined, searchedAt)).toEqual({
      limit: 50,
      workflowId: 'fan-out',
      from: '2026-12-02T11:00:00.000Z',
    })
    // A range picked on the calendar wins; a relative range the page cannot read is dropped.
    expect(toRunFilter({ since: '1h', from: '2026-01-01T00:00:00Z' }, 5, undefined, searchedAt)).toEqual({
      limit: 5,
      from: '2026-01-01T00:00:00Z',
    })
    expect(parseSearch('?since=forever')).toEqual({})
  })
})
