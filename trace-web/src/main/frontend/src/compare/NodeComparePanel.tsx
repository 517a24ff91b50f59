import { useRunComparison } from '../api/hooks'
import type { NodeComparison, NodeSide, RunComparison, TextDiff } from '../api/types'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { formatCost, formatMillis } from '../ui/format'
import { changeLabel, signed } from './compareFigures'
import './NodeComparePanel.css'

interface NodeComparePanelProps {
  comparison: RunComparison
  node: NodeComparison
  currency: string
}

/** A node on both sides: its figures with their differences, and its texts diffed line by line. */
export function NodeComparePanel({ comparison, node, currency }: NodeComparePanelProps) {
  const texts = useRunComparison(comparison.left.runId, comparison.right.runId, node.nodeId)
  return (
    <aside
      className="details-pane node-compare"
      data-testid="node-compare-panel"
      aria-label={`${node.nodeId} compared`}
    >
      <h3 className="node-compare__title">
        {node.label || node.nodeId} <span className="note">{changeLabel(node) ?? sameLabel(texts.data)}</span>
      </h3>
      <table className="node-compare__figures">
        <thead>
          <tr>
            <th />
            <th>Left</th>
            <th>Right</th>
            <th>Difference</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Status" left={node.left?.status} right={node.right?.status} />
          <Row
            label="Attempts"
            left={node.left && String(node.left.attempts)}
            right={node.right && String(node.right.attempts)}
            difference={node.difference && signed(node.difference.attempts, String)}
          />
          <Row
            label="Duration"
            left={node.left && formatMillis(node.left.durationMs)}
            right={node.right && formatMillis(node.right.durationMs)}
            difference={node.difference && signed(node.difference.durationMs, formatMillis)}
          />
          <Row
            label="Tokens"
            left={tokens(node.left)}
            right={tokens(node.right)}
            difference={node.difference && signed(node.difference.totalTokens, (n) => n.toLocaleString('en'))}
          />
          <Row
            label="Cost"
            left={node.left && formatCost(node.left.cost, currency)}
            right={node.right && formatCost(node.right.cost, currency)}
            difference={
              node.difference?.cost != null ? signed(node.difference.cost, (c) => formatCost(c, currency)) : null
            }
          />
        </tbody>
      </table>
      {texts.status === 'loading' && <Spinner label="Diffing its texts…" />}
      {texts.status === 'error' && <ErrorBox error={texts.error} title="Could not diff the node's texts" />}
      {texts.status === 'success' &&
        (texts.data.texts?.texts.length ? (
          texts.data.texts.texts.map((diff) => <TextDiffView key={diff.kind} diff={diff} />)
        ) : (
          <p className="note">No stored texts on either side.</p>
        ))}
    </aside>
  )
}

/** A node whose figures match: said so, and whether its texts differ all the same. */
function sameLabel(answer: RunComparison | undefined): string {
  const textsDiffer = answer?.texts?.texts.some((diff) => diff.changed) ?? false
  return textsDiffer ? 'same figures, different texts' : 'same on both sides'
}

function tokens(side: NodeSide | null | undefined): string | null {
  return side ? `${side.inputTokens.toLocaleString('en')} in / ${side.outputTokens.toLocaleString('en')} out` : null
}

function Row({
  label,
  left,
  right,
  difference,
}: {
  label: string
  left?: string | null
  right?: string | null
  difference?: string | null
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{left ?? 'not run'}</td>
      <td>{right ?? 'not run'}</td>
      <td>{difference ?? ''}</td>
    </tr>
  )
}

const opClass: Record<string, string> = { ' ': 'same', '-': 'removed', '+': 'added' }

/** One text's line diff: removed lines (left only) red, added (right only) green, as git shows them. */
function TextDiffView({ diff }: { diff: TextDiff }) {
  return (
    <section className="text-diff" data-testid={`text-diff-${diff.kind}`} aria-label={`${diff.kind} diff`}>
      <h4>
        {diff.kind} <span className="note">{diff.changed ? 'differs' : 'same'}</span>
        {diff.truncated && <span className="note"> · cut before it was stored</span>}
        {diff.cut && <span className="note"> · first 2,000 lines</span>}
      </h4>
      <pre className="text-diff__lines">
        {diff.lines.map((line, index) => (
          <div
            key={index}
            className={`text-diff__line text-diff__line--${opClass[line.op] ?? 'same'}`}
            data-op={line.op}
          >
            <span className="text-diff__op" aria-hidden="true">
              {line.op}
            </span>
            {line.text}
          </div>
        ))}
      </pre>
    </section>
  )
}
