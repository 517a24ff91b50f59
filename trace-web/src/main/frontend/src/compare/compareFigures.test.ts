import { describe, expect, it } from 'vitest'
import type { NodeComparison, NodeSide } from '../api/types'
import { changeLabel, compareLines, signed } from './compareFigures'

const side = (durationMs: number, extra: Partial<NodeSide> = {}): NodeSide => ({
  status: 'SUCCEEDED',
  attempts: 1,
  durationMs,
  inputTokens: 0,
  outputTokens: 0,
  totalTokens: 0,
  cost: null,
  costNanos: null,
  spanId: 's',
  ...extra,
})

function node(change: NodeComparison['change'], left: NodeSide | null, right: NodeSide | null): NodeComparison {
  const difference =
    left && right
      ? {
          durationMs: right.durationMs - left.durationMs,
          attempts: right.attempts - left.attempts,
          totalTokens: right.totalTokens - left.totalTokens,
          cost: left.cost != null && right.cost != null ? right.cost - left.cost : null,
          costNanos: null,
        }
      : null
  return { nodeId: 'n', type: 'llm', label: 'n', presence: 'both', change, left, right, difference }
}

describe('compare figures', () => {
  it('writes both sides with the signed difference', () => {
    expect(compareLines(node('same', side(120), side(150)), 'USD')).toEqual(['120ms → 150ms (+30ms)'])
    expect(signed(-5, String)).toBe('−5')
    expect(signed(0, String)).toBe('±0')
  })

  it('adds attempts, tokens and cost where they say anything', () => {
    const left = side(100, { attempts: 1, totalTokens: 10, cost: 0.001 })
    const right = side(300, { attempts: 2, totalTokens: 25, cost: 0.003 })
    expect(compareLines(node('changed', left, right), 'USD')).toEqual([
      '100ms → 300ms (+200ms)',
      'attempts 1 → 2',
      'tokens 10 → 25 (+15)',
      'cost 0.001 USD → 0.003 USD (+0.002 USD)',
    ])
  })

  it('marks a node run on one side only, added or removed, or ended differently', () => {
    expect(compareLines(node('notRunRight', side(100), null), 'USD')).toEqual(['100ms →'])
    expect(changeLabel(node('notRunRight', side(100), null))).toBe('only on the left')
    expect(changeLabel(node('added', null, side(1)))).toBe('added')
    expect(changeLabel(node('status', side(1), side(1, { status: 'FAILED' })))).toBe('succeeded → failed')
    expect(changeLabel(node('same', side(1), side(1)))).toBeUndefined()
  })
})
