import { describe, expect, it } from 'vitest'
import type { ExporterHealth } from '../api/types'
import { exporterState, queueFill } from './pipelineHealth'

const exporter = (fields: Partial<ExporterHealth>): ExporterHealth => ({
  name: 'otlp',
  exported: 120,
  failed: 0,
  dropped: 0,
  rejected: 0,
  lastError: null,
  lastErrorAt: null,
  ...fields,
})

describe('queueFill', () => {
  it('turns size and capacity into a percentage and a level', () => {
    expect(queueFill({ name: 'q', size: 0, capacity: 500, dropped: 0, bytes: 0, capacityBytes: 1048576 })).toEqual({
      percent: 0,
      level: 'ok',
      label: '0 of 500 · 0.0 MiB of 1.0 MiB (0 %)',
    })
    expect(
      queueFill({ name: 'q', size: 300, capacity: 500, dropped: 0, bytes: 0, capacityBytes: 1048576 }),
    ).toMatchObject({ percent: 60, level: 'high' })
    expect(
      queueFill({ name: 'q', size: 450, capacity: 500, dropped: 0, bytes: 0, capacityBytes: 1048576 }),
    ).toMatchObject({ percent: 90, level: 'full' })
  })

  it('shows a nearly empty queue as under one percent, not zero', () => {
    expect(queueFill({ name: 'q', size: 3, capacity: 900, dropped: 0, bytes: 0, capacityBytes: 1048576 }).label).toBe(
      '3 of 900 · 0.0 MiB of 1.0 MiB (<1 %)',
    )
  })

  it('is as full as the fuller of its bounds, spans or bytes', () => {
    expect(
      queueFill({ name: 'q', size: 10, capacity: 500, dropped: 0, bytes: 950000, capacityBytes: 1000000 }),
    ).toMatchObject({
      percent: 95,
      level: 'full',
    })
  })

  it('keeps odd numbers within bounds', () => {
    expect(
      queueFill({ name: 'q', size: 700, capacity: 500, dropped: 0, bytes: 0, capacityBytes: 1048576 }).percent,
    ).toBe(100)
    expect(queueFill({ name: 'q', size: 0, capacity: 0, dropped: 0, bytes: 0, capacityBytes: 1048576 })).toMatchObject({
      percent: 0,
      level: 'ok',
    })
    expect(queueFill({ name: 'q', size: 1, capacity: 0, dropped: 0, bytes: 0, capacityBytes: 1048576 })).toMatchObject({
      percent: 100,
      level: 'full',
    })
    expect(queueFill({ name: 'q', size: -1, capacity: 10, dropped: 0, bytes: 0, capacityBytes: 1048576 }).percent).toBe(
      0,
    )
  })
})

describe('exporterState', () => {
  it('is degraded once anything failed or was dropped', () => {
    expect(exporterState(exporter({}))).toBe('healthy')
    expect(exporterState(exporter({ failed: 1 }))).toBe('degraded')
    expect(exporterState(exporter({ dropped: 4 }))).toBe('degraded')
    expect(exporterState(exporter({ rejected: 1 }))).toBe('degraded')
  })
})
