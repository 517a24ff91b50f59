// Human-readable durations and times.

/** 850µs, 12.5ms, 1.25s, 2m 5s. */
export function formatMicros(micros: number): string {
  if (!Number.isFinite(micros)) return '—'
  const abs = Math.abs(micros)
  if (abs < 1000) return `${trim(micros, 0)}µs`
  if (abs < 1_000_000) return `${trim(micros / 1000, abs < 10_000 ? 2 : 1)}ms`
  if (abs < 60_000_000) return `${trim(micros / 1_000_000, 2)}s`
  const totalSeconds = Math.round(micros / 1_000_000)
  return `${Math.floor(totalSeconds / 60)}m ${totalSeconds % 60}s`
}

export function formatMillis(millis: number | null | undefined): string {
  return millis == null ? '—' : formatMicros(millis * 1000)
}

/** Local date and time with seconds, e.g. for run start times. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)))
}

/** A cost in its currency, with enough digits for fractions of a cent, e.g. "0.0042 USD". */
export function formatCost(cost: number | null | undefined, currency: string): string {
  if (cost == null || !Number.isFinite(cost)) return '—'
  // Three significant digits below 1 (0.000123, 0.0425), cents above; never an exponent.
  const digits = cost >= 1 || cost === 0 ? 2 : Math.min(9, Math.ceil(-Math.log10(cost)) + 2)
  const fixed = cost.toFixed(digits)
  return `${digits > 2 ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed} ${currency}`
}

/** A run's tokens and cost in one line, e.g. "1,234 tokens · 0.0042 USD"; null without usage. */
export function formatUsage(
  usage: { totalTokens: number; cost?: number | null; currency: string } | null | undefined,
): string | null {
  if (!usage) return null
  const tokens = `${usage.totalTokens.toLocaleString()} tokens`
  return usage.cost == null ? tokens : `${tokens} · ${formatCost(usage.cost, usage.currency)}`
}
