import { describe, expect, it } from 'vitest'
import { stepMatchIndex } from './useTraceSearch'

describe('stepMatchIndex', () => {
  it('starts at the first match going down and at the last going up', () => {
    expect(stepMatchIndex(null, 1, 3)).toBe(0)
    expect(stepMatchIndex(null, -1, 3)).toBe(2)
  })

  it('wraps round at both ends', () => {
    expect(stepMatchIndex(2, 1, 3)).toBe(0)
    expect(stepMatchIndex(0, -1, 3)).toBe(2)
    expect(stepMatchIndex(1, 1, 3)).toBe(2)
  })
})
