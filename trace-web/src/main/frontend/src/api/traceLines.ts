// Reads a whole trace sent as JSON lines (GET /api/traces/{id} with Accept: application/x-ndjson):
// its head, then one span per line. A 100,000-span trace is 50 MB of JSON; as one document the
// browser parses it in a single task of a quarter of a second, during which the page cannot
// answer a click. Line by line, the parse is cut into slices of a few milliseconds, and the page
// gets its thread back between them.
import type { Span, Trace } from './types'

export const TRACE_LINES_TYPE = 'application/x-ndjson'

/** How long one slice of parsing may hold the page's thread. */
const SLICE_MS = 8
/** Bytes decoded at a time, so decoding a big network chunk is not one long task either. */
const DECODE_BYTES = 512 * 1024

type TraceHead = Omit<Trace, 'spans'>

/** A response that is not a trace in JSON lines, or one cut short. */
export class MalformedTraceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MalformedTraceError'
  }
}

/** Gives the page its thread back: a new task, so input and rendering run first. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

function isHead(value: unknown): value is TraceHead {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TraceHead).traceId === 'string' &&
    typeof (value as TraceHead).spanCount === 'number'
  )
}

/** The trace so far: the head from the first line, then the spans. */
class TraceLines {
  head: TraceHead | null = null
  readonly spans: Span[] = []

  take(line: string): void {
    if (line.length === 0) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new MalformedTraceError(`line ${this.spans.length + (this.head ? 2 : 1)} of the trace is not JSON`)
    }
    if (this.head) {
      this.spans.push(value as Span)
    } else if (isHead(value)) {
      this.head = value
    } else {
      throw new MalformedTraceError('the trace does not start with its head (traceId, spanCount)')
    }
  }

  trace(): Trace {
    if (!this.head) throw new MalformedTraceError('the trace is empty')
    if (this.spans.length !== this.head.spanCount) {
      throw new MalformedTraceError(
        `the trace has ${this.spans.length} of its ${this.head.spanCount} spans: it was cut short`,
      )
    }
    return { ...this.head, spans: this.spans }
  }
}

/** Parses the stream's lines into a trace, yielding to the page every few milliseconds. */
export async function readTraceLines(body: ReadableStream<Uint8Array>): Promise<Trace> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const lines = new TraceLines()
  let pending = ''
  let sliceStart = performance.now()

  const takeText = async (text: string) => {
    pending += text
    let from = 0
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', from)) {
      lines.take(pending.slice(from, newline))
      from = newline + 1
      if (performance.now() - sliceStart > SLICE_MS) {
        pending = pending.slice(from)
        from = 0
        await yieldToPage()
        sliceStart = performance.now()
      }
    }
    pending = pending.slice(from)
  }

  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    for (let offset = 0; offset < value.length; offset += DECODE_BYTES) {
      await takeText(decoder.decode(value.subarray(offset, offset + DECODE_BYTES), { stream: true }))
    }
  }
  await takeText(decoder.decode())
  lines.take(pending)
  return lines.trace()
}
