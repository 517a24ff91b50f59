import { describe, expect, it } from 'vitest'
import { describeLonger, longerThanUsual, type UsualDurations } from './longerThanUsual'
import type { LiveNode } from './liveRun'

const usual: UsualDurations = { factor: 1, p95Ms: { slow: 1200 } }
const running = (startedAt: number): LiveNode => ({
  state: 'running',
  attempt: 1,
  startedAt,
  endedAt: null,
  spanId: null,
})

describe('longer than usual', () => {
  it('flags a running node past the factor times its usual p95', () => {
    const flag = longerThanUsual('slow', running(0), usual, 4080)
    expect(flag).toEqual({ times: 3.4, p95Ms: 1200 })
    expect(describeLonger(flag!)).toBe('running 3.4× its usual p95 (1.2s)')
  })

  it('does not flag within the usual time, an ended node, or one without enough history', () => {
    expect(longerThanUsual('slow', running(0), usual, 1200)).toBeNull()
    expect(longerThanUsual('slow', { ...running(0), state: 'succeeded', endedAt: 9000 }, usual, 9000)).toBeNull()
    expect(longerThanUsual('new', running(0), usual, 99_000)).toBeNull()
    expect(longerThanUsual('slow', running(0), null, 99_000)).toBeNull()
    expect(longerThanUsual('slow', running(0), { ...usual, factor: 4 }, 4080)).toBeNull()
  })
})
