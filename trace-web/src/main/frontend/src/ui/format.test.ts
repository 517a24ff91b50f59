import { describe, expect, it } from 'vitest'
import { formatCost, formatMicros, formatMillis, formatUsage } from './format'

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

describe('formatCost', () => {
  it('keeps fractions of a cent visible', () => {
    expect(formatCost(0.000123, 'USD')).toBe('0.000123 USD')
    expect(formatCost(0.0425, 'USD')).toBe('0.0425 USD')
    expect(formatCost(12.5, 'EUR')).toBe('12.50 EUR')
    expect(formatCost(0, 'USD')).toBe('0.00 USD')
  })

  it('says nothing is known rather than zero', () => {
    expect(formatCost(null, 'USD')).toBe('—')
  })
})

describe('formatUsage', () => {
  it('shows tokens, and the cost when the models have a price', () => {
    expect(formatUsage({ totalTokens: 1234, cost: 0.0042, currency: 'USD' })).toBe(
      `${(1234).toLocaleString()} tokens · 0.0042 USD`,
    )
    expect(formatUsage({ totalTokens: 10, cost: null, currency: 'USD' })).toBe('10 tokens')
    expect(formatUsage(null)).toBeNull()
  })
})
