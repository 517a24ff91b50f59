// End-to-end check of the Canvas's trace tab against a running server, in headless Chromium.
//
//   node e2e/trace-tab.e2e.mjs http://localhost:8080/ [screenshot-dir]
//
// Sends HTTP Basic credentials with every request as E2E_USER / E2E_PASSWORD (default admin / admin-password), who must be
// allowed to run workflows and see the admin page, then checks a viewer (E2E_VIEWER_USER /
// E2E_VIEWER_PASSWORD, default viewer / viewer-password) cannot run workflows.
// Uses the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); it never downloads one.
// Exits 0 when every step passes, 1 with a message naming the failed step otherwise.
import { CHROMIUM_PATH, launchChromium } from './chromium.mjs'
import { check, runE2e, screenshots, step } from './harness.mjs'

const OVERALL_TIMEOUT_MS = 240_000
const RUN_TIMEOUT_MS = 60_000
const STEP_TIMEOUT_MS = 15_000
const VIEWPORT = { width: 1600, height: 1000 }
const ADMIN_CREDENTIALS = {
  username: process.env.E2E_USER ?? 'admin',
  password: process.env.E2E_PASSWORD ?? 'admin-password',
}
const VIEWER_CREDENTIALS = {
  username: process.env.E2E_VIEWER_USER ?? 'viewer',
  password: process.env.E2E_VIEWER_PASSWORD ?? 'viewer-password',
}

/** Every request of the context (the page's too) carries Basic credentials, as an API client's do. */
function basicAuthorization({ username, password }) {
  return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
}

// The third argument: a downstream service run with the OpenTelemetry Java agent, exporting its
// spans to our receiver (CanvasBrowserIT starts one).
const [baseUrl, screenshotDir, downstreamUrl] = process.argv.slice(2)
if (!baseUrl) {
  console.error('usage: node e2e/trace-tab.e2e.mjs <base-url> [screenshot-dir] [downstream-url]')
  process.exit(2)
}

const screenshot = screenshots(screenshotDir)

/** Selects a workflow, runs it with `{}` and waits for the run's final status. */
async function runWorkflow(page, workflowId) {
  step(`run ${workflowId}`)
  await page.getByTestId(`workflow-item-${workflowId}`).click()
  await page.getByTestId('run-inputs').fill('{}')
  await page.getByTestId('run-button').click()
  const status = page.locator('[data-testid="run-status"]:not([data-status="RUNNING"])')
  const refused = page.locator('.run-form [data-testid="error-box"]')
  await status.or(refused).first().waitFor({ timeout: RUN_TIMEOUT_MS })
  if (await refused.count()) throw new Error(`the server refused the run: ${await refused.first().textContent()}`)
  const result = await status.getAttribute('data-status')
  console.log(`  ${workflowId} ended ${result}`)
  return result
}

async function openTraceTab(page, workflowId) {
  step('open the trace tab')
  await page.getByTestId('tab-trace').click()
  await page.getByTestId('trace-timeline').waitFor()
  // The root span ends last, so once its row is there the Canvas has polled the whole trace in.
  await storedRootRow(page, workflowId).waitFor({ timeout: RUN_TIMEOUT_MS })
}

/** The stored row of the run's root span (not its open bar, nor the "enqueue run …" producer span). */
function storedRootRow(page, workflowId) {
  return page
    .locator('[data-testid^="span-row-"]:not([data-in-flight])')
    .filter({ has: page.locator('.span-row__title', { hasText: new RegExp(`^run ${workflowId}$`) }) })
    .first()
}

/**
 * Clicks the spans of workflow nodes one by one until the details show an artifact whose text
 * passes the test; returns that text.
 */
async function findArtifact(page, accept = () => true) {
  const rows = page.locator('[data-testid^="span-row-"]:not([data-node-id=""])')
  const count = await rows.count()
  check(count > 0, 'no span rows with a node id')
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click()
    await page.getByTestId('span-details').waitFor()
    const artifacts = page.getByTestId('artifact-content')
    try {
      await artifacts.first().waitFor({ timeout: 3000 })
    } catch {
      continue // this span has no artifacts; try the next
    }
    for (const text of await artifacts.allTextContents()) {
      if (accept(text)) return text
    }
  }
  return null
}

// A chain slow enough to watch: four model calls of 1.5 s each.
const LIVE_WORKFLOW = {
  id: 'e2e-live-chain',
  name: 'Live chain (browser test)',
  nodes: ['outline', 'draft', 'critique', 'final'].map((id) => ({
    id,
    type: 'llm',
    config: { model: 'sim-large', prompt: `${id} about \${input.topic}`, latencyMs: 1500 },
  })),
  edges: [
    { from: 'outline', to: 'draft' },
    { from: 'draft', to: 'critique' },
    { from: 'critique', to: 'final' },
  ],
}

const nodeState = (page, nodeId) => page.getByTestId(`graph-node-${nodeId}`).getAttribute('data-state')

/**
 * Watches a run as it happens: the graph colours its nodes as they start and end, and the Trace
 * tab shows the open spans as growing bars; then cancels a second run in the middle.
 */
async function watchAndCancel(page) {
  step('save a slow chain to watch')
  const saved = await page.request.put(`${baseUrl}api/workflows/${LIVE_WORKFLOW.id}`, { data: LIVE_WORKFLOW })
  check(saved.ok(), `saving ${LIVE_WORKFLOW.id} answered ${saved.status()}`)
  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.getByTestId(`workflow-item-${LIVE_WORKFLOW.id}`).click()
  await page.getByTestId('run-inputs').fill('{"topic": "live runs"}')
  await page.getByTestId('tab-graph').click()

  step('run it and watch the nodes colour as they start and end')
  await page.getByTestId('run-button').click()
  await page.locator('[data-testid="graph-node-outline"][data-state="running"]').waitFor({ timeout: RUN_TIMEOUT_MS })
  check((await nodeState(page, 'final')) === 'queued', `final is ${await nodeState(page, 'final')} while outline runs`)
  await page.locator('[data-testid="graph-node-draft"][data-state="running"]').waitFor()
  check((await nodeState(page, 'outline')) === 'succeeded', `outline is ${await nodeState(page, 'outline')}`)
  await screenshot(page, 'live-run.png')

  step('see the running spans as open bars in the Trace tab')
  await page.getByTestId('tab-trace').click()
  const open = page.locator('[data-testid^="span-row-"][data-in-flight="true"]')
  await open.first().waitFor()
  const openNames = await open.locator('.span-row__title').allTextContents()
  check(openNames.includes(`run ${LIVE_WORKFLOW.id}`), `no open bar for the run itself: ${openNames}`)
  // Outline has ended: drawn from the run's events, with its outcome, until the run ends and the
  // stored trace is read (the Canvas does not re-read the trace while the run goes on).
  await page.locator('[data-testid^="span-row-"][data-status="OK"]', { hasText: 'llm outline' }).waitFor()
  await screenshot(page, 'live-trace.png')

  step('wait for the run to end and its stored spans to replace the open bars')
  await page.locator('[data-testid="run-status"][data-status="SUCCEEDED"]').waitFor({ timeout: RUN_TIMEOUT_MS })
  await storedRootRow(page, LIVE_WORKFLOW.id).waitFor({ timeout: RUN_TIMEOUT_MS })
  check((await open.count()) === 0, 'open bars remain after the run ended')

  step('the critical path of the chain is every node and attempt, not the enqueue span')
  await page.getByTestId('critical-path-toggle').click()
  const critical = (
    await page.locator('[data-testid^="span-row-"][data-critical="true"] .span-row__title').allTextContents()
  ).sort()
  const expected = [`run ${LIVE_WORKFLOW.id}`]
  for (const node of LIVE_WORKFLOW.nodes) expected.push(`llm ${node.id}`, `${node.id} attempt 1`)
  check(JSON.stringify(critical) === JSON.stringify(expected.sort()), `critical path ${JSON.stringify(critical)}`)
  await screenshot(page, 'critical-path.png')
  await page.getByTestId('critical-path-toggle').click()

  step('run it again and cancel it while draft runs')
  await page.getByTestId('tab-graph').click()
  await page.getByTestId('run-button').click()
  await page.locator('[data-testid="graph-node-draft"][data-state="running"]').waitFor({ timeout: RUN_TIMEOUT_MS })
  await page.getByTestId('cancel-button').click()
  await page.locator('[data-testid="run-status"][data-status="CANCELLED"]').waitFor({ timeout: RUN_TIMEOUT_MS })
  const states = {}
  for (const id of ['outline', 'draft', 'critique', 'final']) states[id] = await nodeState(page, id)
  check(
    states.outline === 'succeeded' &&
      states.draft === 'cancelled' &&
      states.critique === 'skipped' &&
      states.final === 'skipped',
    `node states after the cancel: ${JSON.stringify(states)}`,
  )
  await screenshot(page, 'cancelled-run.png')
}

/**
 * Every view is a URL: the selected span's URL opens the same trace and span in a new browser
 * context, back returns to the run, and an unknown trace id says so.
 */
async function checkLinks(browser, page) {
  step('the selected span is in the URL')
  const selected = page.locator('[data-testid^="span-row-"][aria-selected="true"]')
  const spanId = (await selected.getAttribute('data-testid')).replace('span-row-', '')
  const url = new URL(page.url())
  check(/^\/traces\/[0-9a-f]{32}$/.test(url.pathname), `the trace view's URL is ${url}`)
  check(url.searchParams.get('span') === spanId, `the URL names span ${url.searchParams.get('span')}, not ${spanId}`)

  step('open the copied URL in a new context')
  const context = await browser.newContext({
    viewport: VIEWPORT,
    extraHTTPHeaders: basicAuthorization(VIEWER_CREDENTIALS),
  })
  try {
    const other = await context.newPage()
    other.setDefaultTimeout(STEP_TIMEOUT_MS)
    await other.goto(url.toString(), { waitUntil: 'domcontentloaded' })
    await other.locator(`[data-testid="span-row-${spanId}"][aria-selected="true"]`).waitFor()
    await other.getByTestId('span-details').waitFor()
    // The trace names its workflow, which the Canvas then shows around it.
    await other.locator('[data-testid="workflow-item-retry-then-succeed"][aria-current="true"]').waitFor()

    step('an unknown trace id says it is not there')
    await other.goto(new URL('/traces/00000000000000000000000000000001', url).toString())
    await other.getByText('No trace with id 00000000000000000000000000000001').waitFor()
  } finally {
    await context.close()
  }

  step('back returns to the run on the graph')
  await page.goBack()
  check(/^\/runs\//.test(new URL(page.url()).pathname), `back went to ${page.url()}`)
  await page.locator('[data-testid="tab-graph"][aria-selected="true"]').waitFor()
  await page.goForward()
  await page.getByTestId('trace-timeline').waitFor()
}

/** The search page: filters round-trip through the URL, a bad one is explained beside its field. */
async function checkSearch(page) {
  step('search runs by the URL')
  const start = new URL('/search?workflowId=retry-then-succeed&status=SUCCEEDED', baseUrl)
  await page.goto(start.toString(), { waitUntil: 'domcontentloaded' })
  await page.locator('[data-testid^="search-row-"]').first().waitFor()
  check(
    (await page.getByTestId('search-workflowId').inputValue()) === 'retry-then-succeed',
    'the workflow filter is not shown',
  )
  check((await page.getByTestId('search-status').inputValue()) === 'SUCCEEDED', 'the status filter is not shown')
  const statuses = await page.locator('[data-testid^="search-row-"] .status-badge').allTextContents()
  check(statuses.length > 0 && statuses.every((s) => s === 'SUCCEEDED'), `statuses ${statuses}`)

  step('change a filter: the URL follows and survives a reload')
  await page.getByTestId('search-sort').selectOption('duration')
  await page.getByTestId('search-minDurationMs').fill('0')
  await page.getByTestId('search-range').selectOption('1d') // a relative range, kept relative
  await page.getByTestId('search-button').click()
  await page.waitForURL((url) => url.searchParams.get('sort') === 'duration')
  const searched = new URL(page.url())
  check(searched.searchParams.get('minDurationMs') === '0', `the URL is ${searched}`)
  check(searched.searchParams.get('since') === '1d', `the URL keeps no relative range: ${searched}`)
  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.locator('[data-testid^="search-row-"]').first().waitFor()
  check((await page.getByTestId('search-sort').inputValue()) === 'duration', 'the order did not survive a reload')
  check((await page.getByTestId('search-range').inputValue()) === '1d', 'the time range did not survive a reload')
  await screenshot(page, 'search.png')

  step('a malformed filter in the URL shows the API message beside its field')
  await page.goto(new URL('/search?minDurationMs=soon', baseUrl).toString(), { waitUntil: 'domcontentloaded' })
  const error = page.getByTestId('search-error-minDurationMs')
  await error.waitFor()
  check((await error.textContent()).includes('minDurationMs'), `the error says ${await error.textContent()}`)

  step('a result opens its trace')
  await page.goto(start.toString(), { waitUntil: 'domcontentloaded' })
  await page.locator('[data-testid^="search-row-"] a').first().click()
  await page.getByTestId('trace-timeline').waitFor()
  check(/^\/traces\//.test(new URL(page.url()).pathname), `the result opened ${page.url()}`)
}

/** The 1,002-node fan-out opened by its URL draws readably, as split, one group of 1,000, join. */
async function checkBigGraph(page) {
  step('open the 1,002-node fan-out graph by its URL')
  const started = Date.now()
  await page.goto(new URL('/workflows/fan-out', baseUrl).toString(), { waitUntil: 'commit' })
  const group = page.getByTestId('graph-node-group:item-0000')
  await group.waitFor()
  const took = Date.now() - started
  console.log(`  the fan-out's graph showed ${took} ms after navigation`)
  const summary = await group.getByTestId('graph-group-summary').textContent()
  check(summary.startsWith('1,000 nodes'), `the group says ${summary}`)
  check((await page.locator('[data-testid^="graph-node-"]').count()) === 3, 'the fan-out is not drawn as three nodes')
  check(took < 2_000, `the fan-out's graph took ${took} ms to show`)
  await screenshot(page, 'fan-out-graph.png')
}

/**
 * The fan-out's 2,005-span trace, read from the server as JSON lines, draws only the rows in view:
 * a layout that lets the waterfall grow to all its rows' height draws every one of them.
 */
async function checkBigTrace(page) {
  const status = await runWorkflow(page, 'fan-out')
  check(status === 'SUCCEEDED', `the fan-out ended ${status}`)
  await openTraceTab(page, 'fan-out')
  const timeline = page.getByTestId('trace-timeline')
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="trace-timeline"]')?.getAttribute('aria-rowcount')) >= 2005,
    null,
    { timeout: RUN_TIMEOUT_MS },
  )
  const drawn = await page.locator('[data-testid^="span-row-"]').count()
  const height = await timeline.evaluate((viewport) => viewport.clientHeight)
  console.log(`  ${drawn} of the fan-out's rows drawn in a ${height}px waterfall`)
  check(drawn < 200, `the waterfall drew ${drawn} rows of 2,005: it must draw only the rows in view`)
}

/**
 * A page that connects to a running fan-out late (it is loaded after the run was accepted, as a
 * reload or a second person would) still sees it end: its event stream starts with a snapshot of
 * the run rather than thousands of events to catch up on.
 */
async function checkLateWatcher(page) {
  step('start the fan-out, then open its run in a page that connects late')
  const started = await page.request.post(`${baseUrl}api/workflows/fan-out/runs`, {
    data: {},
    headers: { Prefer: 'respond-async' },
  })
  check(started.status() === 202, `starting the fan-out answered ${started.status()}`)
  const { runId } = await started.json()
  await page.goto(new URL(`/runs/${runId}`, baseUrl).toString(), { waitUntil: 'domcontentloaded' })
  await page.getByTestId('tab-graph').click()
  step('the late page shows the fan-out ended: every item succeeded, join too')
  try {
    await page
      .getByTestId('graph-group-summary')
      .filter({ hasText: '1,000 succeeded' })
      .waitFor({ timeout: RUN_TIMEOUT_MS })
    await page.locator('[data-testid="graph-node-join"][data-state="succeeded"]').waitFor({ timeout: RUN_TIMEOUT_MS })
    await page
      .getByTestId(`run-item-${runId}`)
      .filter({ hasText: /succeeded/i })
      .waitFor({ timeout: RUN_TIMEOUT_MS })
  } catch (error) {
    const shown = await page.evaluate(
      (id) => ({
        url: location.href,
        group: document.querySelector('[data-testid="graph-group-summary"]')?.textContent,
        join: document.querySelector('[data-testid="graph-node-join"]')?.getAttribute('data-state'),
        runItem: document.querySelector(`[data-testid="run-item-${id}"]`)?.textContent,
      }),
      runId,
    )
    const stored = await (await page.request.get(`${baseUrl}api/runs/${runId}`)).json()
    console.log(`  run ${runId} stored ${stored.status}; the page shows ${JSON.stringify(shown)}`)
    throw error
  }
}

/** In a second context, logged in as a viewer: the Run button is disabled or absent. */
async function checkViewer(browser) {
  step(`open the canvas as ${VIEWER_CREDENTIALS.username}`)
  const context = await browser.newContext({
    viewport: VIEWPORT,
    extraHTTPHeaders: basicAuthorization(VIEWER_CREDENTIALS),
  })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' })
    await page.getByTestId('workflow-list').waitFor()
    await page.getByTestId('workflow-item-retry-then-succeed').click()
    // The user's name shows once /api/me has answered; from then on the roles decide.
    await page.getByTestId('current-user').waitFor()
    step('check the Run button is disabled or absent for the viewer')
    const locked = await page
      .waitForFunction(() => {
        const button = document.querySelector('[data-testid="run-button"]')
        return !button || button.disabled
      })
      .then(
        () => true,
        () => false,
      )
    check(locked, `the Run button is enabled for ${VIEWER_CREDENTIALS.username}`)
    check((await page.getByTestId('nav-admin').count()) === 0, `${VIEWER_CREDENTIALS.username} sees the Admin entry`)
    await screenshot(page, 'viewer.png')
  } finally {
    await context.close()
  }
}

/** Runs a workflow through the API (answered when it has ended) and waits until its trace is stored whole. */
/** Waits until the workflow's stats count `executions` of `nodeId` (ended runs are added to them within a quarter of a second). */
async function awaitExecutions(page, workflowId, nodeId, executions) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const answer = await page.request.get(`${baseUrl}api/workflows/${workflowId}/stats`)
    const node = answer.ok() ? (await answer.json()).nodes.find((n) => n.nodeId === nodeId) : undefined
    if (node && node.executions >= executions) return
    check(
      Date.now() < deadline,
      `the stats of ${workflowId} count ${node?.executions} runs of ${nodeId}, not ${executions}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

// One trace across services: the http node calls the agent's service, whose server span shows in
// the Trace tab under our attempt span, named and coloured by its service, and on the graph.
async function checkDownstream(page) {
  step('call a service run with the OpenTelemetry Java agent from a workflow')
  const run = await runByApi(page, 'http-call', { url: `${downstreamUrl}/stock` })
  const deadline = Date.now() + RUN_TIMEOUT_MS
  for (;;) {
    const trace = await (await page.request.get(`${baseUrl}api/traces/${run.traceId}`)).json()
    if (trace.completeness.foreignSpans > 0) break
    check(Date.now() < deadline, `no span of the downstream service reached trace ${run.traceId}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  step('open the trace: the agent span is under the attempt, with its service named')
  await page.goto(new URL(`/traces/${run.traceId}`, baseUrl).toString(), { waitUntil: 'domcontentloaded' })
  const chip = page.getByTestId('span-service').first()
  await chip.waitFor({ timeout: STEP_TIMEOUT_MS })
  const service = await chip.textContent()
  check(service === 'inventory', `the foreign span is named by service "${service}", not inventory`)
  await page.getByTestId('trace-foreign').waitFor()
  await page.locator('[data-testid^="workflow-item-"]').first().waitFor()
  await chip.click()
  await page.getByTestId('span-details').getByText('sent over OTLP').waitFor()
  const href = await page.getByTestId('download-otlp').getAttribute('href')
  check(href === `/api/traces/${run.traceId}/otlp`, `the OTLP download points at ${href}`)
  await screenshot(page, 'downstream-trace.png')
  step('the graph marks the http node with what arrived from downstream')
  await page.getByTestId('tab-graph').click()
  const marker = await page.getByTestId('graph-node-downstream').first().textContent({ timeout: STEP_TIMEOUT_MS })
  check(/from inventory/.test(marker ?? ''), `the http node's downstream marker says "${marker}"`)
  await screenshot(page, 'downstream-graph.png')
}

async function runByApi(page, workflowId, inputs) {
  const answer = await page.request.post(`${baseUrl}api/workflows/${workflowId}/runs`, { data: { inputs } })
  check(answer.status() === 201, `a run of ${workflowId} answered ${answer.status()}: ${await answer.text()}`)
  const run = await answer.json()
  const deadline = Date.now() + RUN_TIMEOUT_MS
  for (;;) {
    const trace = await page.request.get(`${baseUrl}api/traces/${run.traceId}`)
    if (trace.ok() && (await trace.json()).completeness?.complete) return run
    check(Date.now() < deadline, `the trace of run ${run.runId} did not become complete`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

// Workflows whose figures must start empty get an id of their own on each run: the PostgreSQL pass
// of bin/test keeps its database from one run to the next.
const FRESH = Date.now().toString(36)

// A quick node and a slow one: the Stats view must colour the slow one hottest on p95.
const STATS_WORKFLOW = {
  id: `e2e-stats-${FRESH}`,
  name: 'Stats (browser test)',
  nodes: [
    { id: 'quick', type: 'transform', config: { set: { a: '1' } } },
    { id: 'slow', type: 'delay', config: { ms: 300 } },
  ],
  edges: [{ from: 'quick', to: 'slow' }],
}

async function checkStats(page) {
  step('run a workflow with a quick and a slow node twice')
  const saved = await page.request.put(`${baseUrl}api/workflows/${STATS_WORKFLOW.id}`, { data: STATS_WORKFLOW })
  check(saved.ok(), `saving ${STATS_WORKFLOW.id} answered ${saved.status()}`)
  const runs = [await runByApi(page, STATS_WORKFLOW.id, {}), await runByApi(page, STATS_WORKFLOW.id, {})]
  await awaitExecutions(page, STATS_WORKFLOW.id, 'slow', 2)

  step('open its Stats view by the URL: the slow node is the hottest on p95')
  await page.goto(`${baseUrl}workflows/${STATS_WORKFLOW.id}/stats?since=1h`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('stats-view').waitFor()
  const slow = page.getByTestId('graph-node-slow')
  await slow.locator('[data-testid="graph-node-figure"]').first().waitFor()
  check(
    (await slow.getAttribute('data-heat')) === '1',
    `the slow node's heat is ${await slow.getAttribute('data-heat')}`,
  )
  const quickHeat = Number(await page.getByTestId('graph-node-quick').getAttribute('data-heat'))
  check(quickHeat < 0.5, `the quick node's heat is ${quickHeat}`)
  const figures = await slow.locator('[data-testid="graph-node-figure"]').allTextContents()
  check(/2 runs · p95/.test(figures.join(' ')), `the slow node says ${JSON.stringify(figures)}`)

  step("open the slow node's panel; it links its slowest trace")
  await slow.click()
  await page.getByTestId('node-stats-panel').waitFor()
  check(page.url().includes('node=slow'), `the node is not in the URL: ${page.url()}`)

  step('the panel lists both executions of the slow node; one opens its trace at the node')
  const executions = page.getByTestId('node-execution')
  await executions.nth(1).waitFor()
  check((await executions.count()) === 2, `the panel lists ${await executions.count()} executions, not 2`)
  await screenshot(page, 'stats.png')
  await page.getByTestId('node-executions-order').selectOption('slowest')
  await page.getByTestId('node-executions-failed').check()
  await page.getByText('No failed execution in this range.').waitFor()
  await page.getByTestId('node-executions-failed').uncheck()
  await executions.first().click()
  await page.getByTestId('trace-timeline').waitFor()
  const opened = new URL(page.url())
  check(
    runs.some((run) => opened.pathname.endsWith(`/traces/${run.traceId}`)) &&
      /^[0-9a-f]{16}$/.test(opened.searchParams.get('span') ?? ''),
    `an execution opened ${page.url()}, not a run's trace at a span`,
  )
  await page.goBack()
  await page.getByTestId('node-stats-panel').waitFor()

  await page.getByTestId('node-stats-slowest').click()
  await page.getByTestId('trace-timeline').waitFor()
  const traceId = new URL(page.url()).pathname.split('/').pop()
  check(
    runs.some((run) => run.traceId === traceId),
    `the slowest trace link opened ${page.url()}, not one of the runs`,
  )
}

// One delay node whose time the run asks for: 20 quick runs make what is usual, then a slow one.
const USUAL_WORKFLOW = {
  id: `e2e-usual-${FRESH}`,
  name: 'Usual duration (browser test)',
  nodes: [{ id: 'wait', type: 'delay', config: { ms: '${input.waitMs}' } }],
  edges: [],
}

async function checkLongerThanUsual(page) {
  step('run a one-node workflow 20 times quickly: its usual p95')
  const saved = await page.request.put(`${baseUrl}api/workflows/${USUAL_WORKFLOW.id}`, { data: USUAL_WORKFLOW })
  check(saved.ok(), `saving ${USUAL_WORKFLOW.id} answered ${saved.status()}`)
  for (let i = 0; i < 20; i++) {
    const run = await page.request.post(`${baseUrl}api/workflows/${USUAL_WORKFLOW.id}/runs`, {
      data: { inputs: { waitMs: 20 } },
    })
    check(run.status() === 201, `run ${i} answered ${run.status()}`)
  }
  await awaitExecutions(page, USUAL_WORKFLOW.id, USUAL_WORKFLOW.nodes[0].id, 20)

  step('run it slowly from the Canvas: the node is flagged on the graph while it runs')
  await page.goto(`${baseUrl}workflows/${USUAL_WORKFLOW.id}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('run-inputs').fill('{"waitMs": 6000}')
  await page.getByTestId('run-button').click()
  const flag = page.getByTestId('graph-node-wait').getByTestId('graph-node-longer')
  await flag.waitFor({ timeout: RUN_TIMEOUT_MS })
  const text = await flag.textContent()
  check(/running \d+\.\d× its usual p95 \(\d+ms\)/.test(text ?? ''), `the flag says "${text}"`)
  await screenshot(page, 'longer-than-usual.png')

  step("the trace's open bar says the same")
  await page.getByTestId('tab-trace').click()
  const bar = page.getByTestId('span-longer-than-usual')
  await bar.waitFor()
  check(/its usual p95/.test((await bar.textContent()) ?? ''), 'the open bar has no flag')
  await page.getByTestId('tab-graph').click()
  await page.locator('[data-testid="run-status"]:not([data-status="RUNNING"])').waitFor({ timeout: RUN_TIMEOUT_MS })
}

async function checkCompare(page) {
  step('run branching with two small amounts')
  const fifty = await runByApi(page, 'branching', { amount: 50 })
  const eighty = await runByApi(page, 'branching', { amount: 80 })

  step('pick both in the run history and compare them')
  await page.goto(`${baseUrl}workflows/branching`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId(`compare-pick-${fifty.runId}`).check()
  await page.getByTestId(`compare-pick-${eighty.runId}`).check()
  await page.getByTestId('compare-open').click()
  await page.getByTestId('compare-page').waitFor()
  check(
    page.url().includes(`left=${fifty.runId}`) && page.url().includes(`right=${eighty.runId}`),
    `the compare URL is ${page.url()}`,
  )

  step("open the model node's panel: its prompt diff shows the changed line")
  await page.getByTestId('graph-node-auto-approve').click()
  const prompt = page.getByTestId('text-diff-prompt')
  await prompt.waitFor()
  const removed = await prompt.locator('[data-op="-"]').allTextContents()
  const added = await prompt.locator('[data-op="+"]').allTextContents()
  check(
    removed.some((line) => line.includes('Approve a payment of 50')),
    `removed lines: ${JSON.stringify(removed)}`,
  )
  check(
    added.some((line) => line.includes('Approve a payment of 80')),
    `added lines: ${JSON.stringify(added)}`,
  )
  check(page.url().includes('node=auto-approve'), `the node is not in the URL: ${page.url()}`)
  await screenshot(page, 'compare.png')

  step('the compare URL opens the same view after a reload')
  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.getByTestId('text-diff-prompt').waitFor()
}

async function main() {
  step(`launch chromium (${CHROMIUM_PATH})`)
  const browser = await launchChromium()
  // Every request carries Basic credentials, as an API client's do (accounts.e2e.mjs signs in on the login page).
  const context = await browser.newContext({
    viewport: VIEWPORT,
    extraHTTPHeaders: basicAuthorization(ADMIN_CREDENTIALS),
  })
  const page = await context.newPage()
  page.setDefaultTimeout(STEP_TIMEOUT_MS)

  const dialogs = []
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    await dialog.dismiss()
  })
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))

  try {
    step(`open the canvas at ${baseUrl} as ${ADMIN_CREDENTIALS.username}`)
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' })
    await page.getByTestId('workflow-list').waitFor()

    // 1. A run with retries: span rows, a retry badge, span details with an artifact.
    const retryStatus = await runWorkflow(page, 'retry-then-succeed')
    check(retryStatus === 'SUCCEEDED', `retry-then-succeed ended ${retryStatus}, expected SUCCEEDED`)
    await openTraceTab(page, 'retry-then-succeed')
    step("check the trace header shows the run's tokens and cost (the test server prices sim-small)")
    await page.getByTestId('trace-usage').waitFor()
    const usage = await page.getByTestId('trace-usage').textContent()
    check(/tokens · [0-9.]+ USD/.test(usage ?? ''), `the trace header's usage says "${usage}"`)
    step('check span rows and the retry badge')
    const rowCount = await page.locator('[data-testid^="span-row-"]').count()
    check(rowCount >= 3, `expected several span rows, saw ${rowCount}`)
    const retryBadges = await page.locator('[data-testid^="span-row-"] .badge--retry').count()
    check(retryBadges > 0, 'no span row has a "retry" badge')
    step('the span table sorts by duration: the run first')
    await page.getByTestId('trace-layout-table').click()
    await page.getByTestId('span-table').waitFor()
    await page.getByTestId('span-table-sort-duration').click()
    const longest = await page
      .locator('[data-testid^="span-table-row-"] >> nth=0')
      .locator('[role="cell"]')
      .first()
      .textContent()
    check(longest === 'run retry-then-succeed', `the longest span is ${longest}`)
    await screenshot(page, 'span-table.png')
    await page.getByTestId('trace-layout-waterfall').click()
    await page.getByTestId('trace-timeline').waitFor()

    step('hide the attempts: every node shows, no attempt')
    await page.getByTestId('collapse-attempts').click()
    const titles = await page.locator('[data-testid^="span-row-"] .span-row__title').allTextContents()
    check(!titles.some((title) => / attempt \d+$/.test(title)), `attempt rows still shown: ${titles}`)
    check(titles.includes('fail flaky'), `the node rows are gone: ${titles}`)
    await page.getByRole('button', { name: 'Expand all' }).click()

    step('drag across the minimap to show a time range, then the whole trace again')
    // Drag across the middle half of the run's own bar (where it sits depends on how long the
    // run waited on the queue): the minimap and the waterfall share the trace's time axis.
    const rootBar = storedRootRow(page, 'retry-then-succeed').locator('.span-bar')
    const [left, width] = await rootBar.evaluate((bar) => [parseFloat(bar.style.left), parseFloat(bar.style.width)])
    const strip = await page.getByTestId('trace-minimap').boundingBox()
    const at = (percent) => strip.x + (strip.width * percent) / 100
    await page.mouse.move(at(left + width * 0.25), strip.y + strip.height / 2)
    await page.mouse.down()
    await page.mouse.move(at(left + width * 0.75), strip.y + strip.height / 2, { steps: 5 })
    await page.mouse.up()
    await page.getByTestId('minimap-zoom').waitFor()
    const zoomedWidth = await rootBar.evaluate((bar) => bar.style.width)
    check(zoomedWidth === '100%', `the run's bar is ${zoomedWidth} wide in a range inside it`)
    await screenshot(page, 'minimap-zoom.png')
    await page.getByTestId('minimap-reset').click()
    check((await page.getByTestId('minimap-zoom').count()) === 0, 'the zoom did not reset')

    step('click a span and see its details and an artifact')
    const artifact = await findArtifact(page)
    check(artifact !== null, 'no node span showed an artifact in its details')
    await screenshot(page, 'trace-tab.png')
    await checkLinks(browser, page)
    await checkSearch(page)
    await checkBigGraph(page)
    await checkBigTrace(page)
    await checkLateWatcher(page)

    // 2. A run watched live, and one cancelled.
    await watchAndCancel(page)

    // 3. A failed run: follow the failed node to its span and its exception.
    const failedStatus = await runWorkflow(page, 'always-fails')
    check(failedStatus === 'FAILED', `always-fails ended ${failedStatus}, expected FAILED`)
    await openTraceTab(page, 'always-fails')
    step('follow the failed node')
    await page.getByTestId('follow-failed-node').click()
    const selected = page.locator('[data-testid^="span-row-"][aria-selected="true"]')
    await selected.waitFor()
    const selectedStatus = await selected.getAttribute('data-status')
    check(selectedStatus === 'ERROR', `the followed span has status ${selectedStatus}, expected ERROR`)
    await page.getByTestId('span-details').getByTestId('span-exception').waitFor()
    await screenshot(page, 'failed-node.png')

    // 4. A prompt with HTML: shown as text, never run.
    const htmlStatus = await runWorkflow(page, 'html-prompt')
    check(htmlStatus !== 'RUNNING', `html-prompt did not end (${htmlStatus})`)
    await openTraceTab(page, 'html-prompt')
    step('check the prompt artifact shows <script> as text')
    const scriptText = await findArtifact(page, (text) => text.includes('<script>'))
    check(scriptText !== null, 'no artifact text contains the literal "<script>"')
    const scriptElements = await page.locator('[data-testid="artifact-content"] script').count()
    check(scriptElements === 0, 'an artifact was rendered as markup: it contains a <script> element')
    await page.waitForTimeout(500) // give a rogue alert() the chance to fire
    check(dialogs.length === 0, `a dialog fired: ${dialogs.join('; ')}`)
    check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`)

    // Redaction reaches the UI: the prompt full of secrets shows markers, never the raw values.
    const redactedStatus = await runWorkflow(page, 'redaction-demo')
    check(redactedStatus !== 'RUNNING', `redaction-demo did not end (${redactedStatus})`)
    await openTraceTab(page, 'redaction-demo')
    step('check the prompt artifact shows redaction markers, not the secrets')
    const redacted = await findArtifact(page, (text) => text.includes('[REDACTED:'))
    check(redacted !== null, 'no artifact shows a [REDACTED:…] marker')
    const pageText = await page.locator('body').innerText()
    for (const secret of ['4111 1111 1111 1111', 'sk-live-0123456789abcdef', 'eyJhbGciOiJIUzI1NiJ9']) {
      check(!pageText.includes(secret), `the page shows the secret ${secret}`)
    }
    const markers = await page.locator('[data-testid="artifact-content"] mark.redaction').count()
    check(markers > 0, 'the redaction markers are not highlighted')

    // 5. The admin page: secrets arrive masked, and the exporters are listed.
    // Across runs: a workflow's Stats view, and two runs compared.
    await checkStats(page)
    await checkCompare(page)
    await checkLongerThanUsual(page)
    if (downstreamUrl) await checkDownstream(page)
    else console.log('no downstream service given: the one-trace-across-services check is left out')

    step('open the admin page')
    await page.getByTestId('nav-admin').click()
    await page.getByTestId('settings-table').waitFor()
    step('check a secret setting shows ****')
    const secretValues = await page
      .locator('[data-testid="setting-row"][data-secret="true"] [data-testid="setting-value"]')
      .allTextContents()
    check(
      secretValues.includes('****'),
      `no secret setting shows "****" (secret values: ${JSON.stringify(secretValues)})`,
    )
    step('check the exporters table lists database')
    await page.getByTestId('exporters-table').getByTestId('exporter-row-database').waitFor()
    step('check the storage section says how spans and runs are stored')
    const storage = await page.getByTestId('storage-summary').textContent()
    check(/partitioned by time|plain tables/.test(storage ?? ''), `the storage section says "${storage}"`)
    step('the audit trail lists the workflows this test saved, by admin')
    await page.locator('[data-testid="audit-row"][data-action="workflow.saved"]').first().waitFor()
    await screenshot(page, 'admin.png')
    check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`)

    // 6. A viewer may read, but not run workflows or see the admin page.
    await checkViewer(browser)

    console.log('e2e PASSED: trace tab')
  } catch (error) {
    await screenshot(page, 'failure.png').catch(() => {})
    throw error
  } finally {
    await browser.close()
  }
}

runE2e(main, OVERALL_TIMEOUT_MS)
