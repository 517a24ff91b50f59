import { memo } from 'react'
import type { TimeWindow } from '../store/canvasStore'
import { timeTicks } from './timelineScale'
import './TimelineHeader.css'

/** The time axis, outside the scrolled list so it stays put. */
export const TimelineHeader = memo(function TimelineHeader({ window }: { window: TimeWindow }) {
  const ticks = timeTicks(window.durationMicros, 5, window.startMicros)
  return (
    <div className="timeline-header" role="presentation">
      <div className="timeline-header__name">Span</div>
      <div className="timeline-header__axis">
        {ticks.map((tick) => (
          <span
            key={tick.micros}
            className={`timeline-tick${tick.percent > 90 ? ' timeline-tick--end' : ''}`}
            style={{ left: `${tick.percent}%` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  )
})
