import { ADMIN_REFRESH_MS, refreshTracingAdmin, useMe, useStorageAdmin, useTracingAdmin } from '../api/hooks'
import { accessTo, deniedMessage } from '../auth/access'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { AdminHeader } from './AdminHeader'
import { AuditPanel } from './AuditPanel'
import { TokensPanel } from './TokensPanel'
import './AdminPage.css'
import { PipelineHealth } from './PipelineHealth'
import { SettingsTable } from './SettingsTable'
import { StoragePanel } from './StoragePanel'
import { makePartitions, setRecording } from './adminActions'

/** The admin page's container (role admin): tracing settings, pipeline health and storage, kept fresh while open. */
export function AdminPage() {
  const me = useMe()
  // Wait for the user, so a non-admin never asks; if /api/me fails, the server has the last word.
  const access = me.status === 'loading' && !me.data ? 'checking' : accessTo(me.data, 'admin')
  return (
    <section className="admin-page" data-testid="admin-page" aria-labelledby="admin-title">
      {access === 'checking' || access === 'denied' ? (
        <>
          <h2 id="admin-title">Tracing administration</h2>
          {access === 'checking' ? <Spinner /> : <EmptyState>{deniedMessage('admin')}</EmptyState>}
        </>
      ) : (
        <TracingAdminView />
      )}
    </section>
  )
}

// Separate, so that only users who may see the page ask (and keep asking) the server.
function TracingAdminView() {
  const state = useTracingAdmin()
  const snapshot = state.data
  return (
    <>
      <AdminHeader
        receivedAt={snapshot ? snapshot.receivedAt : null}
        refreshing={state.status === 'loading' && snapshot !== undefined}
        refreshSeconds={ADMIN_REFRESH_MS / 1000}
        onRefresh={refreshTracingAdmin}
      />
      {state.status === 'error' && (
        <ErrorBox error={state.error} action="admin" title="Could not load the tracing administration" />
      )}
      {state.status === 'loading' && !snapshot && <Spinner label="Loading the tracing administration…" />}
      {snapshot && (
        <div className="admin-body">
          <PipelineHealth pipeline={snapshot.data.pipeline} onSetRecording={setRecording} />
          <StorageSection />
          <SettingsTable settings={snapshot.data.settings} />
          <TokensPanel />
          <AuditPanel />
        </div>
      )}
    </>
  )
}

// Its own query: a failure to read the store (the database down, say) leaves the rest of the page.
function StorageSection() {
  const state = useStorageAdmin()
  if (state.status === 'error') {
    return <ErrorBox error={state.error} action="admin" title="Could not load the storage view" />
  }
  return state.data ? <StoragePanel storage={state.data} onMakePartitions={makePartitions} /> : null
}
