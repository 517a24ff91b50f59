import { describe, expect, it } from 'vitest'
import { attemptCount, exceptionOf, failedNodeSpan, isNodeSpan, isRetryAttempt, nodeSpansByNodeId } from './spanFacts'
import { makeSpan } from '../../test/fixtures/spans'

const root = makeSpan({ spanId: 'r', name: 'run retry-then-succeed', depth: 0, childCount: 1 })
const node = makeSpan({
  spanId: 'n',
  name: 'fail flaky',
  nodeId: 'flaky',
  depth: 1,
  childCount: 2,
  attributes: { 'workflow.node.type': 'fail', 'workflow.node.attempts': 2 },
})
const attempt1 = makeSpan({
  spanId: 'a1',
  name: 'flaky attempt 1',
  nodeId: 'flaky',
  depth: 2,
  status: 'ERROR',
  attributes: { 'workflow.node.attempt': 1 },
})
const attempt2 = makeSpan({
  spanId: 'a2',
  name: 'flaky attempt 2',
  nodeId: 'flaky',
  depth: 2,
  attributes: { 'workflow.node.attempt': '2' },
})

describe('span facts', () => {
  it('tells node spans from attempt spans', () => {
    expect(isNodeSpan(node)).toBe(true)
    expect(isNodeSpan(attempt1)).toBe(false)
    expect(isNodeSpan(root)).toBe(false)
    expect(isNodeSpan(node, 'llm')).toBe(false)
  })

  it('recognises retries and attempt counts', () => {
    expect(isRetryAttempt(attempt1)).toBe(false)
    expect(isRetryAttempt(attempt2)).toBe(true)
    expect(attemptCount(node)).toBe(2)
    expect(attemptCount(root)).toBeNull()
  })

  it('maps nodes to their node span, falling back to the first span of the node', () => {
    const orphan = makeSpan({ spanId: 'o', name: 'odd', nodeId: 'lonely', attributes: { 'workflow.node.attempt': 1 } })
    const map = nodeSpansByNodeId([root, attempt1, node, attempt2, orphan])
    expect(map.get('flaky')?.spanId).toBe('n')
    expect(map.get('lonely')?.spanId).toBe('o')
  })

  it('finds the failed node span, not its failed attempt', () => {
    const failedNode = { ...node, status: 'ERROR' as const }
    expect(failedNodeSpan([root, failedNode, attempt1])?.spanId).toBe('n')
    expect(failedNodeSpan([root, node, attempt1])?.spanId).toBe('a1')
    expect(failedNodeSpan([root, node])).toBeNull()
  })

  it('reads the exception event', () => {
    const span = makeSpan({
      spanId: 'x',
      events: [
        { name: 'retry', timeNanos: 0, attributes: {} },
        {
          name: 'exception',
          timeNanos: 0,
          attributes: { 'exception.type': 'java.lang.IllegalStateException', 'exception.message': 'nope' },
        },
      ],
    })
    expect(exceptionOf(span)).toEqual({ type: 'java.lang.IllegalStateException', message: 'nope', stacktrace: null })
    expect(exceptionOf(root)).toBeNull()
  })
})
