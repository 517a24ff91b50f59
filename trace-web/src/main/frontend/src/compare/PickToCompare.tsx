import type { Run } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import './PickToCompare.css'

/** A run's box to pick it for comparison (runs of one workflow; the third replaces the first). */
export function PickToCompare({ run }: { run: Pick<Run, 'runId' | 'workflowId' | 'traceId'> }) {
  const picked = useCanvasStore((s) => s.picked.some((p) => p.runId === run.runId))
  const togglePicked = useCanvasStore((s) => s.togglePicked)
  if (!run.traceId) return null // not traced: nothing to compare
  return (
    <input
      type="checkbox"
      className="pick-to-compare"
      checked={picked}
      onChange={() => togglePicked({ runId: run.runId, workflowId: run.workflowId })}
      onClick={(event) => event.stopPropagation()}
      aria-label={`Pick run ${run.runId} to compare`}
      title="Pick to compare"
      data-testid={`compare-pick-${run.runId}`}
    />
  )
}

/** What is picked, and the button that compares two picked runs. */
export function CompareBar() {
  const picked = useCanvasStore((s) => s.picked)
  const openCompare = useCanvasStore((s) => s.openCompare)
  const togglePicked = useCanvasStore((s) => s.togglePicked)
  if (picked.length === 0) return null
  return (
    <div className="compare-bar" data-testid="compare-bar">
      {picked.length === 1 ? (
        <span>1 run of {picked[0].workflowId} picked: pick another to compare.</span>
      ) : (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => openCompare(picked[0].runId, picked[1].runId, null)}
          data-testid="compare-open"
        >
          Compare the 2 runs
        </button>
      )}
      <button type="button" className="button button--small" onClick={() => picked.forEach((p) => togglePicked(p))}>
        Clear
      </button>
    </div>
  )
}
