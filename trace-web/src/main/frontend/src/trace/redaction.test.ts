import { describe, expect, it } from 'vitest'
import { splitRedactions } from './redaction'

describe('splitRedactions', () => {
  it('returns plain text as one part', () => {
    expect(splitRedactions('hello')).toEqual([{ text: 'hello', redacted: false }])
    expect(splitRedactions('')).toEqual([])
  })

  it('splits out every marker, with or without a suffix', () => {
    expect(splitRedactions('key=[REDACTED] mail [REDACTED:email].')).toEqual([
      { text: 'key=', redacted: false },
      { text: '[REDACTED]', redacted: true },
      { text: ' mail ', redacted: false },
      { text: '[REDACTED:email]', redacted: true },
      { text: '.', redacted: false },
    ])
  })

  it('handles adjacent markers and markers at the edges', () => {
    expect(splitRedactions('[REDACTED][REDACTED token]')).toEqual([
      { text: '[REDACTED]', redacted: true },
      { text: '[REDACTED token]', redacted: true },
    ])
  })

  it('leaves look-alikes alone', () => {
    expect(splitRedactions('[redacted] [REDACT]')).toEqual([{ text: '[redacted] [REDACT]', redacted: false }])
  })
})
