import { useState } from 'react'
import type { Run } from '../api/types'
import { ErrorBox } from '../ui/ErrorBox'
import { SpinnerIcon } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { Elapsed } from '../ui/Elapsed'
import { formatMillis } from '../ui/format'
import './RunOutcome.css'

/** Where the form's last run stands. */
export type Outcome =
  | { kind: 'idle' }
  | { kind: 'running'; startedAt: number; runId?: string }
  | { kind: 'finished'; run: Run }
  | { kind: 'failed'; error: unknown }

interface RunOutcomeProps {
  outcome: Outcome
  /** Cancels the running run; absent when the user may not. */
  onCancel?: (runId: string) => Promise<unknown>
}

/** How the last run went: running (with a ticking clock), finished with its status, or not started. */
export function RunOutcome({ outcome, onCancel }: RunOutcomeProps) {
  switch (outcome.kind) {
    case 'idle':
      return null
    case 'running':
      return (
        <div className="run-result" data-testid="run-status" data-status="RUNNING" role="status">
          <SpinnerIcon /> Running… <Elapsed since={outcome.startedAt} />
          {outcome.runId && onCancel && <CancelButton runId={outcome.runId} onCancel={onCancel} />}
        </div>
      )
    case 'finished':
      return (
        <div className="run-result" data-testid="run-status" data-status={outcome.run.status} role="status">
          <StatusBadge status={outcome.run.status} /> in {formatMillis(outcome.run.durationMs)}
          {outcome.run.error && <p className="run-result__error">{outcome.run.error}</p>}
        </div>
      )
    case 'failed':
      return <ErrorBox error={outcome.error} action="run" title="The run could not be started" />
  }
}

/** Stops the run; after a click it waits for the run's end, which the form then shows. */
function CancelButton({ runId, onCancel }: { runId: string; onCancel: (runId: string) => Promise<unknown> }) {
  const [state, setState] = useState<{ kind: 'idle' | 'cancelling' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })
  const cancel = () => {
    setState({ kind: 'cancelling' })
    onCancel(runId).catch((error: unknown) => setState({ kind: 'failed', error }))
  }
  return (
    <>
      <button
        type="button"
        className="button run-result__cancel"
        onClick={cancel}
        disabled={state.kind === 'cancelling'}
        data-testid="cancel-button"
      >
        {state.kind === 'cancelling' ? 'Cancelling…' : 'Cancel'}
      </button>
      {state.kind === 'failed' && <ErrorBox error={state.error} action="run" title="The run could not be cancelled" />}
    </>
  )
}
