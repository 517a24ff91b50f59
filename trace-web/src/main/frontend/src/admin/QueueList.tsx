import type { QueueHealth } from '../api/types'
import { formatCount, queueFill } from './pipelineHealth'
import './QueueList.css'

/** The export queues, each with how full it is and what it dropped for lack of room. */
export function QueueList({ queues }: { queues: readonly QueueHealth[] }) {
  return (
    <ul className="queue-list">
      {queues.map((queue) => (
        <QueueBar key={queue.name} queue={queue} />
      ))}
    </ul>
  )
}

function QueueBar({ queue }: { queue: QueueHealth }) {
  const fill = queueFill(queue)
  return (
    <li className="queue" data-testid={`queue-${queue.name}`}>
      <span className="queue__name">{queue.name}</span>
      <div
        className="queue__bar"
        role="meter"
        aria-label={`${queue.name} queue fill`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fill.percent)}
        aria-valuetext={fill.label}
      >
        <div className={`queue__fill queue__fill--${fill.level}`} style={{ width: `${fill.percent}%` }} />
      </div>
      <span className="queue__label">
        {fill.label}
        {queue.dropped > 0 && <span className="text-error"> · {formatCount(queue.dropped)} dropped (queue full)</span>}
      </span>
    </li>
  )
}
