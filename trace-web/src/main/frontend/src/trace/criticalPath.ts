// The critical path of a trace: the chain of spans that decided how long it took. From the root,
// walk back from its end: the child that finished last before that moment was what the parent
// waited for, then the child that finished last before that child started, and so on; the same
// inside each of them. What ran beside them (the other branches of a fan-out) did not matter.
import type { Span } from '../api/types'
import { SPAN_ROLE } from './spanFacts'
import { childrenByParent } from './spanRows'

const start = (span: Span) => span.offsetMicros
const end = (span: Span) => span.offsetMicros + span.durationMicros

/** The ids of the spans on the critical path (empty for a trace without a single root). */
export function criticalPath(spans: readonly Span[]): ReadonlySet<string> {
  const children = childrenByParent(spans)
  const roots = children.get(null) ?? []
  const path = new Set<string>()
  // From the run's own span: a caller's span or the producer span of a queued run may sit above
  // it, ending long before the run (the run only follows from it). Without one, the root ending last.
  const root =
    spans.find((span) => span.role === SPAN_ROLE.run) ??
    roots.reduce<Span | null>((last, span) => (last === null || end(span) > end(last) ? span : last), null)
  if (!root) return path
  // Iterative, so a deep trace cannot overflow the stack.
  const work: Array<{ span: Span; until: number }> = [{ span: root, until: end(root) }]
  while (work.length > 0) {
    const { span, until } = work.pop()!
    path.add(span.spanId)
    let cursor = Math.min(until, end(span))
    const kids = [...(children.get(span.spanId) ?? [])].sort((a, b) => end(b) - end(a))
    for (const kid of kids) {
      if (end(kid) <= cursor && start(kid) >= start(span)) {
        work.push({ span: kid, until: cursor })
        cursor = start(kid)
      }
    }
  }
  return path
}
