import { describe, expect, it } from 'vitest'
import { barGeometry, niceStep, timeTicks, windowedBar } from './timelineScale'

describe('barGeometry', () => {
  it('positions and scales a bar relative to the trace', () => {
    expect(barGeometry(250, 500, 1000)).toEqual({ leftPercent: 25, widthPercent: 50 })
    expect(barGeometry(0, 1000, 1000)).toEqual({ leftPercent: 0, widthPercent: 100 })
  })

  it('keeps bars inside the track', () => {
    expect(barGeometry(900, 500, 1000)).toEqual({ leftPercent: 90, widthPercent: 10 })
    expect(barGeometry(-10, 5, 1000).leftPercent).toBe(0)
    expect(barGeometry(2000, 5, 1000)).toEqual({ leftPercent: 100, widthPercent: 0 })
  })

  it('gives zero-duration traces and spans a zero width rather than NaN', () => {
    expect(barGeometry(0, 0, 0)).toEqual({ leftPercent: 0, widthPercent: 0 })
    expect(barGeometry(10, 0, 100)).toEqual({ leftPercent: 10, widthPercent: 0 })
  })
})

describe('timeTicks', () => {
  it('uses round steps', () => {
    expect(niceStep(180)).toBe(200)
    expect(niceStep(3)).toBe(5)
    expect(niceStep(7000)).toBe(10_000)
    expect(niceStep(1)).toBe(1)
  })

  it('places ticks from zero to the end of the trace', () => {
    const ticks = timeTicks(1_000_000, 5)
    expect(ticks.map((t) => t.percent)).toEqual([0, 20, 40, 60, 80, 100])
    expect(ticks.map((t) => t.label)).toEqual(['0µs', '200ms', '400ms', '600ms', '800ms', '1s'])
  })

  it('stops before the end when the step does not divide the duration', () => {
    const ticks = timeTicks(900, 4)
    expect(ticks.map((t) => t.micros)).toEqual([0, 200, 400, 600, 800])
    expect(ticks.at(-1)!.percent).toBeCloseTo(88.89, 1)
  })

  it('has a single tick for a zero-duration trace', () => {
    expect(timeTicks(0)).toEqual([{ micros: 0, percent: 0, label: '0µs' }])
  })
})

describe('a window of the trace', () => {
  it('draws only the part of a bar inside the window', () => {
    const window = { startMicros: 200, durationMicros: 400 }
    expect(windowedBar(300, 100, window)).toEqual({ leftPercent: 25, widthPercent: 25 })
    expect(windowedBar(100, 200, window)).toEqual({ leftPercent: 0, widthPercent: 25 })
    expect(windowedBar(500, 500, window)).toEqual({ leftPercent: 75, widthPercent: 25 })
    expect(windowedBar(0, 100, window).widthPercent).toBe(0)
    expect(windowedBar(700, 100, window)).toEqual({ leftPercent: 100, widthPercent: 0 })
  })

  it('labels ticks with times from the trace start', () => {
    const ticks = timeTicks(400_000, 4, 250_000)
    expect(ticks.map((t) => t.label)).toEqual(['300ms', '400ms', '500ms', '600ms'])
    expect(ticks[0].percent).toBeCloseTo(12.5, 5)
  })
})
