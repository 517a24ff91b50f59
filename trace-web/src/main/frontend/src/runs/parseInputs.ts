// Checks the run form's JSON before it is sent, so mistakes are shown next to the textarea.
import type { JsonValue } from '../api/types'

export type ParsedInputs = { ok: true; inputs: Record<string, JsonValue> } | { ok: false; error: string }

export function parseInputs(text: string): ParsedInputs {
  if (text.trim() === '') return { ok: true, inputs: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `Inputs are not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'Inputs must be a JSON object, for example {"question": "Why is the sky blue?"}' }
  }
  return { ok: true, inputs: value as Record<string, JsonValue> }
}
