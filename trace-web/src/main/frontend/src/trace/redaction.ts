// Splits artifact text around redaction markers such as [REDACTED] or [REDACTED:email], so they can be
// highlighted while everything stays plain text.

export interface TextPart {
  text: string
  redacted: boolean
}

const REDACTION_MARKER = /\[REDACTED[^\]]*\]/g

export function splitRedactions(content: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of content.matchAll(REDACTION_MARKER)) {
    const start = match.index
    if (start > last) parts.push({ text: content.slice(last, start), redacted: false })
    parts.push({ text: match[0], redacted: true })
    last = start + match[0].length
  }
  if (last < content.length) parts.push({ text: content.slice(last), redacted: false })
  return parts
}
