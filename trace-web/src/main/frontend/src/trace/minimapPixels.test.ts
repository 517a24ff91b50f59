import { describe, expect, it } from 'vitest'
import type { SpanStatus } from '../api/types'
import { Cover, minimapPixels } from './minimapPixels'

const span = (offsetMicros: number, durationMicros: number, status: SpanStatus = 'OK') => ({
  offsetMicros,
  durationMicros,
  status,
})

/** The strip as text: '.' none, '#' ok, 'x' error, a line per row. */
function picture(pixels: Uint8Array, width: number): string[] {
  const rows: string[] = []
  for (let start = 0; start < pixels.length; start += width) {
    rows.push(
      [...pixels.subarray(start, start + width)]
        .map((c) => (c === Cover.Error ? 'x' : c === Cover.Ok ? '#' : '.'))
        .join(''),
    )
  }
  return rows
}

describe('minimapPixels', () => {
  it('draws each span on its own rows, from its start to its end', () => {
    const pixels = minimapPixels([span(0, 100), span(50, 30, 'ERROR'), span(80, 20)], 100, 10, 3)
    expect(picture(pixels, 10)).toEqual(['##########', '.....xxx..', '........##'])
  })

  it('shares rows when there are more spans than rows, a failed span showing over the others', () => {
    const spans = [span(0, 10), span(0, 40, 'ERROR'), span(60, 40), span(90, 10)]
    expect(picture(minimapPixels(spans, 100, 10, 2), 10)).toEqual(['xxxx......', '......####'])
  })

  it('gives a span too short for a pixel one pixel, and clamps a span past the end', () => {
    expect(picture(minimapPixels([span(99, 0), span(50, 500)], 100, 10, 2), 10)).toEqual(['.........#', '.....#####'])
  })

  it('draws nothing for an empty trace or a zero duration', () => {
    expect(minimapPixels([], 100, 4, 2).every((c) => c === Cover.None)).toBe(true)
    expect(minimapPixels([span(0, 0)], 0, 4, 2).every((c) => c === Cover.None)).toBe(true)
  })
})
