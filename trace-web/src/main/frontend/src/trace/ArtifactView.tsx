import { Fragment } from 'react'
import type { Artifact } from '../api/types'
import { splitRedactions } from './redaction'
import './ArtifactView.css'

/** JSON artifacts are easier to read indented; anything else is shown as sent. */
function displayText(artifact: Artifact): string {
  if (artifact.truncated || !artifact.contentType.includes('json')) return artifact.content
  try {
    return JSON.stringify(JSON.parse(artifact.content), null, 2)
  } catch {
    return artifact.content
  }
}

/**
 * An artifact's content, always as text: prompts may hold HTML or script, which must show as
 * written and never run. Redaction markers are highlighted.
 */
export function ArtifactView({ artifact }: { artifact: Artifact }) {
  return (
    <figure className="artifact">
      <figcaption className="artifact__caption">
        <span className="badge">{artifact.kind}</span>
        <code>{artifact.contentType}</code>
        {artifact.truncated && (
          <span className="artifact__truncated">
            truncated (original {artifact.originalLength.toLocaleString()} chars)
          </span>
        )}
      </figcaption>
      <pre className="artifact__content" data-testid="artifact-content">
        {splitRedactions(displayText(artifact)).map((part, index) =>
          part.redacted ? (
            <mark key={index} className="redaction">
              {part.text}
            </mark>
          ) : (
            <Fragment key={index}>{part.text}</Fragment>
          ),
        )}
      </pre>
    </figure>
  )
}
