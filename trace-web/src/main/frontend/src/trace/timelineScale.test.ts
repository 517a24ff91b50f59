import { describe, expect, it } from 'vitest'
import { barGeometry, niceStep, placeTicks, tickTarget, timeTicks, windowedBar } from './timelineScale'

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

describe('ticks on an axis of a given width', () => {
  it('aims for a tick per 100 pixels or so', () => {
    expect(tickTarget(330)).toBe(3)
    expect(tickTarget(80)).toBe(2)
    expect(tickTarget(2000)).toBe(8)
  })

  it('leaves out a label that would run into the one before it', () => {
    // The zoomed window of the browser test: 47.3 ms to 94.6 ms on a 330 px axis.
    const ticks = timeTicks(47_300, 5, 47_300)
    expect(ticks.map((t) => t.label)).toEqual(['50ms', '60ms', '70ms', '80ms', '90ms'])
    const placed = placeTicks(ticks, 330)
    expect(placed.map((t) => t.label)).toEqual(['50ms', '60ms', '70ms', '80ms'])
    expect(placed.every((t) => t.align === 'start')).toBe(true)
  })

  it('ends the label of a tick near the end at the tick, and keeps every label when there is room', () => {
    const placed = placeTicks(timeTicks(1_000_000, 5), 1_000)
    expect(placed.map((t) => t.label)).toEqual(['0µs', '200ms', '400ms', '600ms', '800ms', '1s'])
    expect(placed.at(-1)!.align).toBe('end')
    expect(placed[0].align).toBe('start')
  })

  it('shows every tick before the axis is measured', () => {
    expect(placeTicks(timeTicks(1_000_000, 5), 0)).toHaveLength(6)
  })
})
