import { memo, useCallback, useState } from 'react'
import type { TimeWindow } from '../store/canvasStore'
import { observeSize } from './observeSize'
import { placeTicks, tickTarget, timeTicks } from './timelineScale'
import './TimelineHeader.css'

/** Before the axis is measured (and in jsdom, which has no layout): five ticks, all shown. */
const UNMEASURED = 0

/** The time axis, outside the scrolled list so it stays put; as many ticks as its width holds. */
export const TimelineHeader = memo(function TimelineHeader({ window }: { window: TimeWindow }) {
  const [widthPx, setWidthPx] = useState(UNMEASURED)
  const measure = useCallback(
    (axis: HTMLDivElement | null) => (axis ? observeSize(axis, (box) => setWidthPx(box.width)) : undefined),
    [],
  )
  const target = widthPx === UNMEASURED ? 5 : tickTarget(widthPx)
  const ticks = placeTicks(timeTicks(window.durationMicros, target, window.startMicros), widthPx)
  return (
    <div className="timeline-header" role="presentation">
      <div className="timeline-header__name">Span</div>
      <div className="timeline-header__axis" ref={measure}>
        {ticks.map((tick) => (
          <span
            key={tick.micros}
            className={`timeline-tick${tick.align === 'end' ? ' timeline-tick--end' : ''}`}
            style={{ left: `${tick.percent}%` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  )
})
