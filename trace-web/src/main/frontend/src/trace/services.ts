// Pure functions over the spans other services sent for a trace (OTLP): their colours, and what
// arrived below each workflow node.
import type { Span } from '../api/types'
import { spansById } from './spanRows'

/** A service's colour: the same name, the same hue, on every trace and page. */
export function serviceColor(service: string | null | undefined): string {
  const name = service ?? 'unknown service'
  let hash = 0
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0
  // Hues away from the error red (0°) and the engine's own blue bars (≈210°).
  const hues = [28, 48, 95, 140, 170, 265, 290, 320]
  return `hsl(${hues[Math.abs(hash) % hues.length]}, 60%, 42%)`
}

/** The spans other services sent below one node of the workflow. */
export interface Downstream {
  spans: number
  errors: number
  services: string[]
}

/**
 * For each node, the foreign spans below its spans (an http node's call, and what that service
 * called in turn): each foreign span is counted once, at the nearest span of ours above it that
 * belongs to a node. One pass over the spans, each walking up its ancestors.
 */
export function downstreamByNode(spans: readonly Span[]): Map<string, Downstream> {
  const byId = spansById(spans)
  const result = new Map<string, Downstream>()
  for (const span of spans) {
    if (!span.foreign) continue
    let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined
    for (let hops = 0; parent && parent.foreign && hops < 10_000; hops++) {
      parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined
    }
    const nodeId = parent?.nodeId
    if (!nodeId) continue
    const entry = result.get(nodeId) ?? { spans: 0, errors: 0, services: [] }
    entry.spans++
    if (span.status === 'ERROR') entry.errors++
    const service = span.service ?? 'unknown service'
    if (!entry.services.includes(service)) entry.services.push(service)
    result.set(nodeId, entry)
  }
  return result
}

/** E.g. "↳ 3 spans from inventory · 1 error". */
export function describeDownstream(downstream: Downstream): string {
  const spans = `${downstream.spans.toLocaleString('en')} span${downstream.spans === 1 ? '' : 's'}`
  const errors = downstream.errors > 0 ? ` · ${downstream.errors} error${downstream.errors === 1 ? '' : 's'}` : ''
  return `↳ ${spans} from ${downstream.services.join(', ')}${errors}`
}
