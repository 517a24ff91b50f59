import { useState } from 'react'
import { api } from '../api/client'
import { forgetTrace, refreshRuns } from '../api/hooks'
import type { Trace } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { ErrorBox } from '../ui/ErrorBox'
import './DeleteTraceButton.css'

type Step = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'deleting' } | { kind: 'failed'; error: unknown }

/**
 * Deletes the run behind the trace (spans, attributes, artifacts and the run row) after a
 * confirmation; the run then leaves the history and the selection is cleared. For admins.
 */
export function DeleteTraceButton({ trace }: { trace: Trace }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  const confirmDelete = () => {
    setStep({ kind: 'deleting' })
    api.deleteTrace(trace.traceId).then(
      () => {
        const store = useCanvasStore.getState()
        const workflowId = trace.run?.workflowId ?? store.selectedWorkflowId
        // Clear the selection first, so nothing is showing the trace when it leaves the cache.
        if (store.selectedTraceId === trace.traceId) store.selectRun(null, null)
        forgetTrace(trace.traceId)
        if (workflowId) refreshRuns(workflowId)
      },
      (error: unknown) => setStep({ kind: 'failed', error }),
    )
  }

  if (step.kind === 'idle') {
    return (
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => setStep({ kind: 'confirming' })}
        data-testid="delete-trace"
      >
        Delete trace
      </button>
    )
  }

  const deleting = step.kind === 'deleting'
  return (
    <div className="confirm-delete" role="group" aria-label="Confirm deleting the trace" data-testid="confirm-delete">
      <span>
        Delete this run with its {trace.spanCount.toLocaleString()} spans and their artifacts? This cannot be undone.
      </span>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={confirmDelete}
        disabled={deleting}
        data-testid="confirm-delete-trace"
      >
        {deleting ? 'Deleting…' : 'Delete'}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => setStep({ kind: 'idle' })}
        disabled={deleting}
        autoFocus
      >
        Cancel
      </button>
      {step.kind === 'failed' && (
        <ErrorBox error={step.error} action="deleteTrace" title="Could not delete the trace" />
      )}
    </div>
  )
}
