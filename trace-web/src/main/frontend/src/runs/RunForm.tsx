import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import { api } from '../api/client'
import { refreshRuns, useMe } from '../api/hooks'
import type { Run } from '../api/types'
import { accessTo, deniedMessage } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { ErrorBox } from '../ui/ErrorBox'
import { SpinnerIcon } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatMillis } from '../ui/format'
import { parseInputs } from './parseInputs'
import './RunForm.css'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running'; startedAt: number }
  | { kind: 'finished'; run: Run }
  | { kind: 'failed'; error: unknown }

/** Seconds since the run started, ticking, so a long run visibly progresses. */
function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(since)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [])
  return <span>{Math.max(0, Math.floor((now - since) / 1000))}s</span>
}

/** Inputs as JSON, checked before sending; the answer comes when the run has ended. */
export function RunForm({ workflowId }: { workflowId: string }) {
  const [inputsText, setInputsText] = useState('{}')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const parsed = useMemo(() => parseInputs(inputsText), [inputsText])
  const running = outcome.kind === 'running'
  // Only a known lack of the role locks the button; otherwise the server decides (and says why).
  const runDenied = accessTo(useMe().data, 'run') === 'denied'

  const run = () => {
    if (!parsed.ok || running || runDenied) return
    setOutcome({ kind: 'running', startedAt: Date.now() })
    api.runWorkflow(workflowId, parsed.inputs).then(
      (result) => {
        setOutcome({ kind: 'finished', run: result })
        refreshRuns(workflowId)
        // Show the new run unless the user has moved on to another workflow meanwhile.
        const store = useCanvasStore.getState()
        if (store.selectedWorkflowId === workflowId) store.selectRun(result.runId, result.traceId)
      },
      (error: unknown) => setOutcome({ kind: 'failed', error }),
    )
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    run()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      run()
    }
  }

  return (
    <form className="run-form" onSubmit={onSubmit} aria-busy={running}>
      <label htmlFor="run-inputs" className="field-label">
        Inputs (JSON)
      </label>
      <textarea
        id="run-inputs"
        className="input run-form__inputs"
        rows={5}
        spellCheck={false}
        value={inputsText}
        onChange={(event) => setInputsText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : 'run-inputs-error'}
        data-testid="run-inputs"
      />
      {!parsed.ok && (
        <p id="run-inputs-error" className="field-error" role="alert">
          {parsed.error}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={!parsed.ok || running || runDenied}
        title={runDenied ? deniedMessage('run') : undefined}
        aria-describedby={runDenied ? 'run-denied' : undefined}
        data-testid="run-button"
      >
        {running ? 'Running…' : 'Run'}
      </button>
      {runDenied && (
        <p id="run-denied" className="note" data-testid="run-denied">
          {deniedMessage('run')}
        </p>
      )}

      {outcome.kind === 'running' && (
        <div className="run-result" data-testid="run-status" data-status="RUNNING" role="status">
          <SpinnerIcon /> Running… <Elapsed since={outcome.startedAt} />
        </div>
      )}
      {outcome.kind === 'finished' && (
        <div className="run-result" data-testid="run-status" data-status={outcome.run.status} role="status">
          <StatusBadge status={outcome.run.status} /> in {formatMillis(outcome.run.durationMs)}
          {outcome.run.error && <p className="run-result__error">{outcome.run.error}</p>}
        </div>
      )}
      {outcome.kind === 'failed' && (
        <ErrorBox error={outcome.error} action="run" title="The run could not be started" />
      )}
    </form>
  )
}
