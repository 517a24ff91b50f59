// Pure functions from a trace's spans (depth-first, as the server sends them) to timeline rows.
import type { Span } from '../api/types'
import { isNodeSpan } from './spanFacts'

export interface TimelineRow {
  span: Span
  /** The span has children and they are hidden. */
  collapsed: boolean
}

/**
 * The rows to show: every span except the descendants of collapsed ones. The spans are in
 * depth-first order, so a collapsed span's descendants are exactly the spans right after it that
 * are deeper; one pass, O(n).
 */
export function buildRows(spans: readonly Span[], collapsedIds: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = []
  let hideDeeperThan = Infinity
  for (const span of spans) {
    if (span.depth > hideDeeperThan) continue
    hideDeeperThan = Infinity
    const collapsed = span.childCount > 0 && collapsedIds.has(span.spanId)
    rows.push({ span, collapsed })
    if (collapsed) hideDeeperThan = span.depth
  }
  return rows
}

/**
 * Each span's children, by its id; spans whose parent is not in the trace (its root, a caller's
 * span, orphans) under null. One pass.
 */
export function childrenByParent(spans: readonly Span[]): Map<string | null, Span[]> {
  const ids = new Set(spans.map((span) => span.spanId))
  const children = new Map<string | null, Span[]>()
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null
    const list = children.get(parent)
    if (list) list.push(span)
    else children.set(parent, [span])
  }
  return children
}

/** Ids of the node spans that hold attempts: collapsing them shows every node, no attempt. */
export function nodeSpanIdsWithAttempts(spans: readonly Span[]): string[] {
  return spans.filter((span) => span.childCount > 0 && isNodeSpan(span)).map((span) => span.spanId)
}

/** Ids of all spans that have children, e.g. to collapse everything. */
export function parentSpanIds(spans: readonly Span[]): string[] {
  return spans.filter((span) => span.childCount > 0).map((span) => span.spanId)
}

const spanIndexes = new WeakMap<readonly Span[], Map<string, Span>>()

/** Spans by id; computed once per trace. */
export function spansById(spans: readonly Span[]): Map<string, Span> {
  let index = spanIndexes.get(spans)
  if (!index) {
    index = new Map(spans.map((span) => [span.spanId, span]))
    spanIndexes.set(spans, index)
  }
  return index
}

/** The ids of a span's ancestors, nearest first. */
export function ancestorIds(spanId: string, spans: readonly Span[]): string[] {
  const byId = spansById(spans)
  const ancestors: string[] = []
  const seen = new Set<string>([spanId])
  let parentId = byId.get(spanId)?.parentSpanId ?? null
  while (parentId && !seen.has(parentId) && byId.has(parentId)) {
    ancestors.push(parentId)
    seen.add(parentId)
    parentId = byId.get(parentId)?.parentSpanId ?? null
  }
  return ancestors
}

const searchTexts = new WeakMap<readonly Span[], string[]>()

/** Lower-case text each span is searched by: name, nodeId and attribute values. Built once per trace. */
function searchTextsOf(spans: readonly Span[]): string[] {
  let texts = searchTexts.get(spans)
  if (!texts) {
    texts = spans.map((span) => {
      const parts = [span.name, span.nodeId ?? '']
      for (const value of Object.values(span.attributes)) {
        parts.push(Array.isArray(value) ? value.join(' ') : String(value))
      }
      return parts.join('\n').toLowerCase()
    })
    searchTexts.set(spans, texts)
  }
  return texts
}

const NO_MATCHES: readonly string[] = Object.freeze([])
const lastMatches = new WeakMap<readonly Span[], { needle: string; matches: readonly string[] }>()

/**
 * Ids of the spans matching the search text (case-insensitive), in display order. The last
 * answer per trace is kept: a keystroke asks twice (to reveal the first match, and to render),
 * and on a 100,000-span trace each scan costs tens of milliseconds.
 */
export function findMatches(spans: readonly Span[], search: string): readonly string[] {
  const needle = search.trim().toLowerCase()
  if (!needle) return NO_MATCHES
  const last = lastMatches.get(spans)
  if (last?.needle === needle) return last.matches
  const texts = searchTextsOf(spans)
  const matches: string[] = []
  for (let i = 0; i < spans.length; i++) {
    if (texts[i].includes(needle)) matches.push(spans[i].spanId)
  }
  lastMatches.set(spans, { needle, matches })
  return matches
}

/** Index of the row showing the span, or -1 when it is hidden or absent. */
export function rowIndexOf(rows: readonly TimelineRow[], spanId: string): number {
  return rows.findIndex((row) => row.span.spanId === spanId)
}
