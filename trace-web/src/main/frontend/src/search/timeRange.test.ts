import { describe, expect, it } from 'vitest'
import { isoToLocalInput, localInputToIso, sinceMillis, sinceToFrom } from './timeRange'

describe('time ranges', () => {
  it('reads relative presets and refuses anything else', () => {
    expect(sinceMillis('15m')).toBe(15 * 60_000)
    expect(sinceMillis('1h')).toBe(3_600_000)
    expect(sinceMillis('7d')).toBe(7 * 86_400_000)
    for (const bad of ['', '0h', '1w', 'h', '-1h', '99999d', '1h; drop', undefined]) {
      expect(sinceMillis(bad)).toBeNull()
    }
  })

  it("turns a relative range into the API's from, measured back from now", () => {
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(sinceToFrom('1h', now)).toBe('2026-12-02T11:00:00.000Z')
    expect(sinceToFrom('1d', now)).toBe('2026-12-01T12:00:00.000Z')
    expect(sinceToFrom('nope', now)).toBeNull()
  })

  it('moves between ISO instants and calendar inputs without losing the minute', () => {
    const iso = '2026-12-02T10:15:00.000Z'
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso)
    expect(isoToLocalInput('not a date')).toBe('')
    expect(localInputToIso('')).toBeUndefined()
  })
})
