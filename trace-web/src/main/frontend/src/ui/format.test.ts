import { describe, expect, it } from 'vitest'
import { formatMicros, formatMillis } from './format'

describe('formatMicros', () => {
  it('picks a unit by size', () => {
    expect(formatMicros(0)).toBe('0µs')
    expect(formatMicros(850)).toBe('850µs')
    expect(formatMicros(1500)).toBe('1.5ms')
    expect(formatMicros(12_340)).toBe('12.3ms')
    expect(formatMicros(1_250_000)).toBe('1.25s')
    expect(formatMicros(125_000_000)).toBe('2m 5s')
  })

  it('shows a dash for missing durations', () => {
    expect(formatMillis(null)).toBe('—')
    expect(formatMillis(20)).toBe('20ms')
  })
})
