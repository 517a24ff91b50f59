import { useState } from 'react'
import { ErrorBox } from '../ui/ErrorBox'
import './DeleteTraceButton.css'

type Step = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'deleting' } | { kind: 'failed'; error: unknown }

interface DeleteTraceButtonProps {
  spanCount: number
  /** Deletes the trace; a rejection is shown beside the buttons. */
  onDelete: () => Promise<void>
}

/** "Delete trace" with an inline confirmation, for admins; says why when the server refuses. */
export function DeleteTraceButton({ spanCount, onDelete }: DeleteTraceButtonProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  const confirmDelete = () => {
    setStep({ kind: 'deleting' })
    onDelete().catch((error: unknown) => setStep({ kind: 'failed', error }))
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
        Delete this run with its {spanCount.toLocaleString()} spans and their artifacts? This cannot be undone.
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
