import { describe, expect, it } from 'vitest'
import { MalformedTraceError, readTraceLines } from './traceLines'

const head = { traceId: 't1', run: null, startTime: null, durationMicros: 30, spanCount: 3, errorCount: 0 }
const spans = [
  { spanId: 'a', name: 'run résumé ✓', depth: 0 },
  { spanId: 'b', name: 'node', depth: 1 },
  { spanId: 'c', name: 'attempt', depth: 2 },
]

/** The text's bytes as a stream cut into chunks of `size` bytes, splitting lines and characters. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    },
  })
}

const lines = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join('\n') + '\n'

describe('readTraceLines', () => {
  it('reads the head and every span, whatever the chunks cut through', async () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const trace = await readTraceLines(streamOf(lines([head, ...spans]), size))
      expect(trace).toEqual({ ...head, spans })
    }
  })

  it('reads a last line without its newline', async () => {
    const trace = await readTraceLines(streamOf(lines([head, ...spans]).trimEnd(), 5))
    expect(trace.spans.map((span) => span.spanId)).toEqual(['a', 'b', 'c'])
  })

  it('skips blank lines', async () => {
    const text = lines([head, spans[0]]) + '\n  \n' + lines(spans.slice(1))
    const trace = await readTraceLines(streamOf(text, 4))
    expect(trace.spans.map((span) => span.spanId)).toEqual(['a', 'b', 'c'])
  })

  it('says a trace was cut short when spans are missing', async () => {
    await expect(readTraceLines(streamOf(lines([head, ...spans.slice(0, 2)]), 16))).rejects.toThrow(
      'the trace has 2 of its 3 spans: it was cut short',
    )
  })

  it('names the first line that is not JSON, and a stream without a head', async () => {
    const broken = lines([head, spans[0]]) + '{"spanId": \n' + lines([spans[2]])
    await expect(readTraceLines(streamOf(broken, 8))).rejects.toThrow('line 3 of the trace is not JSON')
    await expect(readTraceLines(streamOf(lines(spans), 8))).rejects.toBeInstanceOf(MalformedTraceError)
    await expect(readTraceLines(streamOf('', 8))).rejects.toThrow('the trace is empty')
  })

  it('parses a big trace in slices without losing or reordering a span', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ spanId: `s${i}`, name: `span ${i}`, depth: 1 }))
    const trace = await readTraceLines(streamOf(lines([{ ...head, spanCount: many.length }, ...many]), 300_000))
    expect(trace.spans).toHaveLength(20_000)
    expect(trace.spans[12_345].spanId).toBe('s12345')
  })
})
