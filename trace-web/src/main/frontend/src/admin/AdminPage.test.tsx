// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queryCache } from '../api/hooks'
import type { Me, StorageAdmin, TracingAdmin } from '../api/types'
import { AdminPage } from './AdminPage'

const tracingAdmin: TracingAdmin = {
  settings: [
    { key: 'otel.exporter.otlp.headers', value: '****', secret: true },
    { key: 'tracing.enabled', value: 'true', secret: false },
    { key: 'otel.exporter.otlp.endpoint', value: null, secret: false },
  ],
  pipeline: {
    enabled: true,
    recording: true,
    exporters: [
      { name: 'otlp', exported: 120, failed: 0, dropped: 0, rejected: 0, lastError: null, lastErrorAt: null },
      {
        name: 'database',
        exported: 98,
        failed: 2,
        dropped: 5,
        rejected: 3,
        lastError: 'connection refused',
        lastErrorAt: '2024-05-01T10:00:00Z',
      },
    ],
    queues: [
      { name: 'otlp', size: 0, capacity: 8192, dropped: 0, bytes: 0, capacityBytes: 67108864 },
      { name: 'database', size: 61440, capacity: 65536, dropped: 0, bytes: 4194304, capacityBytes: 67108864 },
    ],
    retryBufferSpans: 17,
    runJournal: { pending: 0, dropped: 0, repaired: 1, rejected: 2 },
    runQueue: { depth: 2, oldestAgeSeconds: 7 },
  },
}

let storage: StorageAdmin
const partitionedStorage: StorageAdmin = {
  partitioned: true,
  tables: [
    {
      table: 'spans',
      bytes: 3 * 1048576,
      defaultRows: 120,
      partitions: [
        {
          name: 'spans_p20261201',
          from: '2026-12-01T00:00:00Z',
          to: '2026-12-02T00:00:00Z',
          bytes: 2 * 1048576,
          estimatedRows: 5000,
        },
        { name: 'spans_default', from: null, to: null, bytes: 1048576, estimatedRows: -1 },
      ],
    },
    { table: 'runs', bytes: 1048576, defaultRows: 0, partitions: [] },
  ],
  partitionsCreated: 4,
  partitionFailures: 1,
  lastPartitionFailure: 'Could not make partition spans_p20261205 of spans: permission denied for schema public',
  lastPartitionCheck: '2026-12-01T10:00:00Z',
  partitionsDropped: 2,
  lastPurge: '2026-12-01T09:00:00Z',
}
let me: Me
let adminStatus: number
const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
  if (url === '/api/admin/tracing/recording' && init?.method === 'PUT') {
    const { recording } = JSON.parse(String(init.body)) as { recording: boolean }
    tracingAdmin.pipeline = { ...tracingAdmin.pipeline, recording }
  }
  if (url === '/api/admin/storage/partitions' && init?.method === 'POST') {
    storage = { ...storage, partitionFailures: 0, lastPartitionFailure: null }
  }
  const [status, body] =
    url === '/api/me'
      ? [200, me]
      : url === '/api/admin/storage' || url === '/api/admin/storage/partitions'
        ? [200, storage]
        : url === '/api/admin/tracing' || url === '/api/admin/tracing/recording'
          ? [adminStatus, adminStatus === 200 ? tracingAdmin : { title: 'Forbidden', status: adminStatus }]
          : [404, { title: 'Not Found', status: 404 }]
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' },
  })
})
const adminCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/api/admin/tracing').length

beforeEach(() => {
  tracingAdmin.pipeline = { ...tracingAdmin.pipeline, enabled: true, recording: true }
  me = { user: 'root', roles: ['admin'] }
  storage = partitionedStorage
  adminStatus = 200
  fetchMock.mockClear()
  queryCache.clear()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const settingRow = (key: string) => document.querySelector(`[data-testid="setting-row"][data-key="${key}"]`)!

describe('AdminPage', () => {
  it('shows secret settings masked exactly as received, with a secret badge', async () => {
    render(<AdminPage />)
    await screen.findByTestId('settings-table')
    const secret = settingRow('otel.exporter.otlp.headers')
    expect(within(secret as HTMLElement).getByTestId('setting-value').textContent).toBe('****')
    expect(secret.getAttribute('data-secret')).toBe('true')
    expect(secret.querySelector('.badge--secret')?.textContent).toBe('secret')

    const plain = settingRow('tracing.enabled')
    expect(within(plain as HTMLElement).getByTestId('setting-value').textContent).toBe('true')
    expect(plain.querySelector('.badge--secret')).toBeNull()
    expect(settingRow('otel.exporter.otlp.endpoint').textContent).toContain('not set')
  })

  it('shows each exporter with its counters and last error', async () => {
    render(<AdminPage />)
    const otlp = await screen.findByTestId('exporter-row-otlp')
    expect([...otlp.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent)).toEqual(['120', '0', '0'])
    expect(otlp.getAttribute('data-state')).toBe('healthy')

    const database = screen.getByTestId('exporter-row-database')
    expect([...database.querySelectorAll('td')].slice(0, 3).map((cell) => cell.textContent)).toEqual(['98', '2', '5'])
    expect(database.getAttribute('data-state')).toBe('degraded')
    expect(database.textContent).toContain('connection refused')
    expect(database.querySelector('time')?.getAttribute('dateTime')).toBe('2024-05-01T10:00:00Z')
    expect(screen.getByTestId('retry-buffer').textContent).toContain('17 spans')
    expect(screen.getByTestId('exporter-rejected-database').textContent).toBe('3')
    expect(screen.getByTestId('run-queue').textContent).toContain('2 runs waiting to start, the oldest for 7 s')
    expect(screen.getByTestId('run-journal').textContent).toContain('1 stored without inputs or outputs, 2 set aside')
  })

  it('draws each queue fill as a bar', async () => {
    render(<AdminPage />)
    const empty = within(await screen.findByTestId('queue-otlp')).getByRole('meter')
    expect(empty.getAttribute('aria-valuenow')).toBe('0')
    const busy = within(screen.getByTestId('queue-database')).getByRole('meter')
    expect(busy.getAttribute('aria-valuenow')).toBe('94')
    expect(busy.querySelector('.queue__fill--full')).not.toBeNull()
  })

  it("lists each table's partitions with sizes, the default partition's rows and the last failure", async () => {
    render(<AdminPage />)
    const spans = await screen.findByTestId('partitions-spans')
    const rows = within(spans).getAllByTestId('partition-row')
    expect(rows.map((row) => row.getAttribute('data-name'))).toEqual(['spans_p20261201', 'spans_default'])
    expect(rows[0].textContent).toContain('2.0 MiB')
    expect(rows[0].textContent).toContain((5000).toLocaleString())
    expect(rows[1].textContent).toContain('default')
    expect(rows[1].textContent).toContain('not analysed yet')
    expect(screen.getByTestId('default-rows-spans').textContent).toContain('120 rows in the default partition')
    expect(screen.queryByTestId('default-rows-runs')).toBeNull()
    expect(screen.getByTestId('partition-failure').textContent).toContain('permission denied for schema public')
    expect(screen.getByTestId('storage-summary').textContent).toContain('retention dropped 2')
  })

  it('makes missing partitions now and shows the store as it is then', async () => {
    render(<AdminPage />)
    await screen.findByTestId('partition-failure')
    fireEvent.click(screen.getByTestId('make-partitions'))
    await waitFor(() => expect(screen.queryByTestId('partition-failure')).toBeNull())
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(post[0]).toBe('/api/admin/storage/partitions')
  })

  it('says when the tables are plain (H2)', async () => {
    storage = { ...partitionedStorage, partitioned: false, tables: [] }
    render(<AdminPage />)
    expect((await screen.findByTestId('storage-summary')).textContent).toContain('plain tables')
    expect(screen.queryByTestId('make-partitions')).toBeNull()
  })

  it('reloads when Refresh is clicked', async () => {
    render(<AdminPage />)
    await screen.findByTestId('settings-table')
    expect(adminCalls()).toBe(1)
    fireEvent.click(screen.getByTestId('admin-refresh'))
    await waitFor(() => expect(adminCalls()).toBe(2))
    expect(screen.getByTestId('admin-updated').textContent).toMatch(/^Updated .+ · refreshes every 5 s$/)
  })

  it('pauses and resumes recording new traces', async () => {
    render(<AdminPage />)
    expect((await screen.findByTestId('tracing-state')).textContent).toBe('tracing on')

    fireEvent.click(screen.getByTestId('recording-switch'))

    await waitFor(() => expect(screen.getByTestId('tracing-state').textContent).toBe('recording paused'))
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!
    expect(put[0]).toBe('/api/admin/tracing/recording')
    expect(JSON.parse(String(put[1]!.body))).toEqual({ recording: false })
    fireEvent.click(screen.getByTestId('recording-switch'))
    await waitFor(() => expect(screen.getByTestId('tracing-state').textContent).toBe('tracing on'))
  })

  it('offers no switch when tracing is disabled by configuration', async () => {
    tracingAdmin.pipeline = { ...tracingAdmin.pipeline, enabled: false, recording: false }
    render(<AdminPage />)
    expect((await screen.findByTestId('tracing-state')).textContent).toBe('tracing off')
    expect(screen.queryByTestId('recording-switch')).toBeNull()
  })

  it('explains a refusal by the server', async () => {
    adminStatus = 403
    render(<AdminPage />)
    expect((await screen.findByTestId('access-problem')).textContent).toContain('role admin needed')
  })

  it('does not ask for the administration when the user is known not to be an admin', async () => {
    me = { user: 'ada', roles: ['viewer', 'runner'] }
    render(<AdminPage />)
    expect(await screen.findByText(/may not see the tracing settings/)).toBeTruthy()
    expect(adminCalls()).toBe(0)
  })

  it('still asks the server when it cannot tell who is logged in', async () => {
    fetchMock.mockImplementationOnce(async () => new Response('oops', { status: 500 }))
    render(<AdminPage />)
    expect(await screen.findByTestId('exporter-row-otlp')).toBeTruthy()
  })
})
