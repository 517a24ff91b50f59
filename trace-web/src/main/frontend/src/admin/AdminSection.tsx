import type { ReactNode } from 'react'
import './AdminSection.css'

interface AdminSectionProps {
  /** The heading's id, which labels the section. */
  titleId: string
  title: ReactNode
  children: ReactNode
}

/** One box of the admin page, labelled by its heading. */
export function AdminSection({ titleId, title, children }: AdminSectionProps) {
  return (
    <section className="admin-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {children}
    </section>
  )
}
