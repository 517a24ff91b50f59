import { describe, expect, it } from 'vitest'
import type { NodeStats } from '../api/types'
import { figureLines, formatRate, hottestNode, statsDecorations } from './nodeFigures'

function node(nodeId: string, p95Ms: number | null, extra: Partial<NodeStats> = {}): NodeStats {
  return {
    nodeId,
    executions: 10,
    succeeded: 10,
    failed: 0,
    cancelled: 0,
    errorRate: 0,
    retryRate: 0,
    p50Ms: p95Ms,
    p95Ms,
    p99Ms: p95Ms,
    inputTokens: 0,
    outputTokens: 0,
    cost: null,
    costNanos: null,
    slowestMs: p95Ms,
    slowestTraceId: 't',
    latestFailedTraceId: null,
    ...extra,
  }
}

describe('node figures', () => {
  it('colours each node by its share of the highest value, and marks nodes without figures', () => {
    const decorations = statsDecorations(['a', 'b', 'new'], [node('a', 100), node('b', 400)], 'p95', 'USD')
    expect(decorations.get('a')?.heat).toBe(0.25)
    expect(decorations.get('b')?.heat).toBe(1)
    expect(decorations.get('new')).toEqual({ heat: null, lines: ['no runs in this range'] })
  })

  it('gives every node heat 0 when all are 0, and no heat for cost without prices', () => {
    const decorations = statsDecorations(['a'], [node('a', 100)], 'errorRate', 'USD')
    expect(decorations.get('a')?.heat).toBe(0)
    expect(statsDecorations(['a'], [node('a', 100)], 'cost', 'USD').get('a')?.heat).toBeNull()
  })

  it('writes the figures and rates people read', () => {
    expect(figureLines(node('a', 1200, { errorRate: 0.08, retryRate: 0.25, cost: 0.0042 }), 'USD')).toEqual([
      '10 runs · p95 1.2s',
      'errors 8% · retries 25%',
      'cost 0.0042 USD',
    ])
    expect(formatRate(0.004)).toBe('0.4%')
    expect(hottestNode([node('a', 100), node('b', 400)], 'p95')?.nodeId).toBe('b')
    expect(hottestNode([], 'p95')).toBeNull()
  })
})
