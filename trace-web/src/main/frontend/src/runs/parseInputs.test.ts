import { describe, expect, it } from 'vitest'
import { parseInputs } from './parseInputs'

describe('parseInputs', () => {
  it('accepts a JSON object', () => {
    expect(parseInputs('{"name": "Ada", "n": 2}')).toEqual({ ok: true, inputs: { name: 'Ada', n: 2 } })
  })

  it('treats blank text as no inputs', () => {
    expect(parseInputs('  \n')).toEqual({ ok: true, inputs: {} })
  })

  it('reports JSON syntax errors', () => {
    const result = parseInputs('{"name": }')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/^Inputs are not valid JSON: /)
  })

  it('rejects JSON that is not an object', () => {
    for (const text of ['[1, 2]', '"text"', '42', 'null']) {
      const result = parseInputs(text)
      expect(!result.ok && result.error).toMatch(/must be a JSON object/)
    }
  })
})
