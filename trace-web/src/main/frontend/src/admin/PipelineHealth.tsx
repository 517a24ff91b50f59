import type { RunJournalHealth, TracingPipeline } from '../api/types'
import { AdminSection } from './AdminSection'
import { ExporterTable } from './ExporterTable'
import { QueueList } from './QueueList'
import { RecordingSwitch } from './RecordingSwitch'
import { formatCount } from './pipelineHealth'

interface PipelineHealthProps {
  pipeline: TracingPipeline
  onSetRecording: (recording: boolean) => Promise<void>
}

/** Whether spans leave the server: the recording switch, exporters, queues, retry buffer and run records. */
export function PipelineHealth({ pipeline, onSetRecording }: PipelineHealthProps) {
  const title = (
    <>
      Pipeline{' '}
      <span
        className={`status-badge status-badge--${pipeline.recording ? 'ok' : 'neutral'}`}
        data-testid="tracing-state"
      >
        {!pipeline.enabled ? 'tracing off' : pipeline.recording ? 'tracing on' : 'recording paused'}
      </span>
    </>
  )
  return (
    <AdminSection titleId="admin-pipeline-title" title={title}>
      {pipeline.enabled && <RecordingSwitch recording={pipeline.recording} onSetRecording={onSetRecording} />}
      <ExporterTable exporters={pipeline.exporters} />
      <h4>Queues</h4>
      <QueueList queues={pipeline.queues} />
      <p className="note" data-testid="retry-buffer">
        Retry buffer: {formatCount(pipeline.retryBufferSpans)} spans waiting for another export attempt.
      </p>
      <RunJournalNote journal={pipeline.runJournal} />
      <p className="note" data-testid="run-queue">
        Run queue: {formatCount(pipeline.runQueue.depth)} runs waiting to start
        {pipeline.runQueue.depth > 0 && <>, the oldest for {formatCount(pipeline.runQueue.oldestAgeSeconds)} s</>}.
      </p>
    </AdminSection>
  )
}

/** What became of the run rows: waiting, stored without payload, set aside or dropped. */
function RunJournalNote({ journal }: { journal: RunJournalHealth }) {
  return (
    <p className="note" data-testid="run-journal">
      Run records: {formatCount(journal.pending)} waiting for the database, {formatCount(journal.repaired)} stored
      without inputs or outputs,{' '}
      <span className={journal.rejected + journal.dropped > 0 ? 'text-error' : undefined}>
        {formatCount(journal.rejected)} set aside, {formatCount(journal.dropped)} dropped
      </span>
      .
    </p>
  )
}
