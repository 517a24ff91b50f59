// Time ranges as people pick them in Grafana and Jaeger: a relative preset ("last hour"), kept in
// the URL as since=1h so a shared link means the last hour when it is opened; or an absolute range
// picked on a calendar (the API's from/to, ISO instants).

/** The relative presets the search page offers, shortest first. */
export const PRESETS = [
  { since: '15m', label: 'Last 15 minutes' },
  { since: '1h', label: 'Last hour' },
  { since: '6h', label: 'Last 6 hours' },
  { since: '1d', label: 'Last day' },
  { since: '7d', label: 'Last 7 days' },
] as const

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 }
const MAX_SINCE_MS = 366 * 86_400_000

/** How far back a `since` value reaches in milliseconds; null when it is not like 15m, 1h or 7d. */
export function sinceMillis(since: string | undefined): number | null {
  const match = /^(\d{1,4})([mhd])$/.exec(since?.trim() ?? '')
  if (!match) return null
  const ms = Number(match[1]) * UNIT_MS[match[2]]
  return ms > 0 && ms <= MAX_SINCE_MS ? ms : null
}

/** The start of a relative range ending now, as the API's `from`; null for a bad `since`. */
export function sinceToFrom(since: string | undefined, nowMillis: number): string | null {
  const ms = sinceMillis(since)
  return ms === null ? null : new Date(nowMillis - ms).toISOString()
}

/** An ISO instant as a datetime-local input shows it (the browser's time zone, to the minute). */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  )
}

/** What a datetime-local input holds (local time) as an ISO instant; undefined when empty. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}
