// Fills the monitoring link templates from /api/ui/config with the selected trace's values.
import type { MonitoringLink, Trace } from '../api/types'

export interface LinkValues {
  traceId: string
  runId: string
  workflowId: string
  startMs: string
  endMs: string
}

export function linkValues(trace: Trace): LinkValues {
  const startMs = Date.parse(trace.startTime ?? '')
  const known = Number.isFinite(startMs)
  return {
    traceId: trace.traceId,
    runId: trace.run?.runId ?? '',
    workflowId: trace.run?.workflowId ?? '',
    startMs: known ? String(startMs) : '',
    // Rounded up so the window always covers the whole trace.
    endMs: known ? String(startMs + Math.ceil(trace.durationMicros / 1000)) : '',
  }
}

/** Replaces {traceId}, {runId}, {workflowId}, {startMs} and {endMs}; other braces stay as written. */
export function fillTemplate(template: string, values: LinkValues): string {
  return template.replace(/\{(traceId|runId|workflowId|startMs|endMs)\}/g, (_, name: keyof LinkValues) =>
    encodeURIComponent(values[name]),
  )
}

/** Only web links: a template must not turn into a javascript: URL. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href, 'http://relative.invalid/')
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export interface ResolvedLink {
  name: string
  href: string
}

export function resolveLinks(links: readonly MonitoringLink[], trace: Trace): ResolvedLink[] {
  const values = linkValues(trace)
  return links
    .map((link) => ({ name: link.name, href: fillTemplate(link.urlTemplate, values) }))
    .filter((link) => isSafeHref(link.href))
}
