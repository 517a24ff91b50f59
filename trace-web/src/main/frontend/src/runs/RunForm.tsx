import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { JsonValue, Run } from '../api/types'
import { deniedMessage } from '../auth/access'
import './RunForm.css'
import { RunOutcome, type Outcome } from './RunOutcome'
import { parseInputs } from './parseInputs'

interface RunFormProps {
  /** The user is known to lack the runner role: the button is locked and says why. */
  runDenied: boolean
  /** Starts a run, telling `onAccepted` when the server has queued it; resolves when it has ended. */
  onRun: (inputs: Record<string, JsonValue>, onAccepted: (run: Run) => void) => Promise<Run>
  /** Cancels the running run; absent when the user may not. */
  onCancel?: (runId: string) => Promise<unknown>
}

/** Inputs as JSON, checked before sending; the run can be cancelled until it has ended. */
export function RunForm({ runDenied, onRun, onCancel }: RunFormProps) {
  const [inputsText, setInputsText] = useState('{}')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const parsed = useMemo(() => parseInputs(inputsText), [inputsText])
  const running = outcome.kind === 'running'

  const run = () => {
    if (!parsed.ok || running || runDenied) return
    const startedAt = Date.now()
    setOutcome({ kind: 'running', startedAt })
    const onAccepted = (accepted: Run) =>
      setOutcome((current) => (current.kind === 'running' ? { ...current, runId: accepted.runId } : current))
    onRun(parsed.inputs, onAccepted).then(
      (result) => setOutcome({ kind: 'finished', run: result }),
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
      <RunOutcome outcome={outcome} onCancel={onCancel} />
    </form>
  )
}
