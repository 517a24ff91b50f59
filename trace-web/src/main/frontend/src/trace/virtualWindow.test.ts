import { describe, expect, it } from 'vitest'
import { scrollTopToReveal, visibleRange } from './virtualWindow'

const base = { rowHeight: 20, viewportHeight: 100, rowCount: 1000, overscan: 3 }

describe('visibleRange', () => {
  it('renders the visible rows plus overscan', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 8 })
    expect(visibleRange({ ...base, scrollTop: 200 })).toEqual({ start: 7, end: 18 })
  })

  it('stops at the ends of the list', () => {
    expect(visibleRange({ ...base, scrollTop: 19_950 })).toEqual({ start: 994, end: 1000 })
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 })
  })

  it('renders a small window however long the list', () => {
    const { start, end } = visibleRange({ ...base, rowCount: 100_000, scrollTop: 1_000_000 })
    expect(end - start).toBeLessThanOrEqual(12)
  })
})

describe('scrollTopToReveal', () => {
  it('leaves visible rows alone', () => {
    expect(scrollTopToReveal(2, 20, 0, 100)).toBeNull()
  })

  it('scrolls up to a row above the view', () => {
    expect(scrollTopToReveal(5, 20, 400, 100)).toBe(100)
  })

  it('centres a row below the view', () => {
    expect(scrollTopToReveal(50, 20, 0, 100)).toBe(960)
  })
})
