import { ApiError } from '../api/client'
import { accessProblemMessage, type Action } from '../auth/access'
import './ErrorBox.css'

interface ErrorBoxProps {
  error: unknown
  /** What was being done, e.g. "Could not load the trace". */
  title?: string
  /** What the user tried, so a 403 can name the role it needs; reading by default. */
  action?: Action
  onRetry?: () => void
}

/**
 * Shows a failed call: the server's problem detail and its list of individual errors, led by a
 * plain explanation when the user is not logged in or lacks the role.
 */
export function ErrorBox({ error, title, action, onRetry }: ErrorBoxProps) {
  const apiError = error instanceof ApiError ? error : null
  const detail = apiError ? apiError.detail : error instanceof Error ? error.message : String(error)
  const heading = title ?? apiError?.title ?? 'Something went wrong'
  const accessProblem = accessProblemMessage(error, action)
  return (
    <div className="error-box" role="alert" data-testid="error-box">
      <strong className="error-box__title">
        {heading}
        {apiError && apiError.status > 0 && <span className="error-box__status"> ({apiError.status})</span>}
      </strong>
      {accessProblem && (
        <p className="error-box__access" data-testid="access-problem">
          {accessProblem}
        </p>
      )}
      <p className="error-box__detail">{detail}</p>
      {apiError && apiError.errors.length > 0 && (
        <ul className="error-box__errors">
          {apiError.errors.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
