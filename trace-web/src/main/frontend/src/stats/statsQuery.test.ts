import { describe, expect, it } from 'vitest'
import { formatStatsQuery, parseStatsQuery, toStatsRange } from './statsQuery'

describe('stats query', () => {
  it('reads back what it writes, and leaves the defaults out', () => {
    for (const search of [
      '',
      '?since=1h',
      '?since=7d&version=2&measure=cost&node=draft',
      '?from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-02T00%3A00%3A00.000Z',
    ]) {
      expect(formatStatsQuery(parseStatsQuery(search))).toBe(search)
    }
    expect(formatStatsQuery(parseStatsQuery('?measure=p95'))).toBe('')
  })

  it('drops what it does not know', () => {
    expect(parseStatsQuery('?measure=colour&version=-1&node=' + 'x'.repeat(300))).toEqual({
      since: undefined,
      from: undefined,
      to: undefined,
      version: undefined,
      measure: 'p95',
      node: undefined,
    })
  })

  it('turns a relative range into the API range at a given time, the last 7 days by default', () => {
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(toStatsRange(parseStatsQuery('?since=1h&version=3'), now)).toEqual({
      from: '2026-12-02T11:00:00.000Z',
      version: 3,
    })
    expect(toStatsRange(parseStatsQuery(''), now).from).toBe('2026-11-25T12:00:00.000Z')
    expect(toStatsRange(parseStatsQuery('?from=a&to=b'), now)).toEqual({ from: 'a', to: 'b', version: undefined })
  })
})
