import { useState, type ReactNode } from 'react'
import { isoToLocalInput, localInputToIso, PRESETS } from '../search/timeRange'

/** A time range as the pickers hold it: a relative preset, or absolute ISO instants. */
export interface PickedRange {
  since?: string
  from?: string
  to?: string
}

interface TimeRangePickerProps {
  value: PickedRange
  onChange: (range: PickedRange) => void
  /** Offer "Any time" (no range); without it an empty choice means `defaultSince`. */
  anyTime?: boolean
  defaultSince?: string
  /** Test ids are `${testIdPrefix}-range`, `-from` and `-to`. */
  testIdPrefix: string
  /** The class of each labelled field, so it sits in its form's layout. */
  fieldClassName: string
  fieldError?: (field: 'from' | 'to') => ReactNode
}

/**
 * A time range as people pick them in Grafana and Jaeger: relative presets (kept relative in the
 * URL), or a range picked on a calendar.
 */
export function TimeRangePicker({
  value,
  onChange,
  anyTime = false,
  defaultSince = '',
  testIdPrefix,
  fieldClassName,
  fieldError,
}: TimeRangePickerProps) {
  const [custom, setCustom] = useState(Boolean(value.from || value.to))
  const choice = value.since ?? (custom ? 'custom' : defaultSince)
  const choose = (picked: string) => {
    setCustom(picked === 'custom')
    if (picked === 'custom') onChange({ ...value, since: undefined })
    else onChange({ since: picked || undefined, from: undefined, to: undefined })
  }
  return (
    <>
      <label className={fieldClassName}>
        <span className="field-label">Time range</span>
        <select
          className="input input--small"
          value={choice}
          onChange={(event) => choose(event.target.value)}
          data-testid={`${testIdPrefix}-range`}
        >
          {anyTime && <option value="">Any time</option>}
          {PRESETS.map((preset) => (
            <option key={preset.since} value={preset.since}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </label>
      {choice === 'custom' &&
        (['from', 'to'] as const).map((field) => (
          <label key={field} className={fieldClassName}>
            <span className="field-label">{field === 'from' ? 'From' : 'To'}</span>
            <input
              type="datetime-local"
              className="input input--small"
              value={isoToLocalInput(value[field])}
              aria-invalid={Boolean(fieldError?.(field))}
              onChange={(event) =>
                onChange({ ...value, since: undefined, [field]: localInputToIso(event.target.value) })
              }
              data-testid={`${testIdPrefix}-${field}`}
            />
            {fieldError?.(field)}
          </label>
        ))}
    </>
  )
}
