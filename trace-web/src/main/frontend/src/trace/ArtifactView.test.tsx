// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Artifact } from '../api/types'
import { ArtifactView } from './ArtifactView'

afterEach(cleanup)

const artifact = (fields: Partial<Artifact>): Artifact => ({
  seq: 0,
  kind: 'prompt',
  contentType: 'text/plain',
  content: '',
  originalLength: 0,
  truncated: false,
  ...fields,
})

describe('ArtifactView', () => {
  it('shows HTML and script as text, never as markup', () => {
    const content = 'Summarise <script>alert(1)</script><img src=x onerror=alert(2)>'
    const { container } = render(<ArtifactView artifact={artifact({ content, originalLength: content.length })} />)
    const pre = screen.getByTestId('artifact-content')
    expect(pre.textContent).toBe(content)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
  })

  it('marks redactions, still as text', () => {
    render(<ArtifactView artifact={artifact({ content: 'key [REDACTED:api-key] <b>x</b>' })} />)
    const marks = screen.getByTestId('artifact-content').querySelectorAll('mark.redaction')
    expect([...marks].map((mark) => mark.textContent)).toEqual(['[REDACTED:api-key]'])
    expect(screen.getByTestId('artifact-content').querySelector('b')).toBeNull()
  })

  it('says when the content was truncated', () => {
    render(<ArtifactView artifact={artifact({ content: 'abc', truncated: true, originalLength: 12000 })} />)
    expect(screen.getByText(/truncated \(original 12,000 chars\)/)).toBeTruthy()
  })

  it('indents JSON content', () => {
    render(<ArtifactView artifact={artifact({ contentType: 'application/json', content: '{"a":1}' })} />)
    expect(screen.getByTestId('artifact-content').textContent).toBe('{\n  "a": 1\n}')
  })
})
