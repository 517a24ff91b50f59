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
/** About how much text is parsed in one go: a millisecond or two of native parsing. */
const BATCH_CHARS = 256 * 1024

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
  private lineNumber = 0

  /**
   * Takes whole lines (without the last newline). Spans are parsed many lines at a time, as one
   * JSON array: one native parse of many lines costs far less than a parse per line. A JSON
   * string never holds a raw newline, so every newline separates two values.
   */
  takeLines(text: string): void {
    if (!this.head) {
      const newline = text.indexOf('\n')
      this.takeHead(newline < 0 ? text : text.slice(0, newline))
      if (newline < 0) return
      text = text.slice(newline + 1)
    }
    let values: unknown[]
    try {
      values = JSON.parse(`[${text.replaceAll('\n', ',')}]`) as unknown[]
    } catch {
      values = text.split('\n').map((line, index) => this.parseLine(line, this.lineNumber + index + 1))
    }
    this.lineNumber += values.length
    for (const value of values) if (value !== undefined) this.spans.push(value as Span)
  }

  private takeHead(line: string): void {
    const value = this.parseLine(line, 1)
    if (!isHead(value)) throw new MalformedTraceError('the trace does not start with its head (traceId, spanCount)')
    this.head = value
    this.lineNumber = 1
  }

  /** One line's value, undefined for a blank line; names the line that is not JSON. */
  private parseLine(line: string, number: number): unknown {
    if (line.trim().length === 0) return undefined
    try {
      return JSON.parse(line)
    } catch {
      throw new MalformedTraceError(`line ${number} of the trace is not JSON`)
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

  /** Parses the whole lines in `pending` a batch at a time, keeping the unfinished last line. */
  const takeText = async (text: string) => {
    pending += text
    let from = 0
    for (;;) {
      // The last newline within a batch's length, or the first after it for a very long line.
      let end = pending.lastIndexOf('\n', from + BATCH_CHARS)
      if (end < from) end = pending.indexOf('\n', from + BATCH_CHARS)
      if (end < 0) break
      lines.takeLines(pending.slice(from, end))
      from = end + 1
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
  if (pending.trim().length > 0) lines.takeLines(pending)
  return lines.trace()
}
