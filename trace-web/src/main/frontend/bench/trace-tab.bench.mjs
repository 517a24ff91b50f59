// Benchmark of the Canvas's Trace tab: the BUILT app in headless Chromium, the API answered with
// synthetic traces by a small Node server (real HTTP on loopback, gzip, the trace as JSON lines or
// one document as asked), so it measures the browser's cost only (no database, no Java).
//
//   npm run build && npm run bench:trace                 # 1,000 x5, 10,000 x3, 100,000 x3
//   npm run bench:trace -- 10000:5 50000:2               # size:repetitions
//   CANVAS_DIST=/tmp/other-build npm run bench:trace     # another build of the Canvas
//
// Uses the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); it never downloads one.
// Progress goes to stderr, the Markdown table to stdout.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '../e2e/chromium.mjs'
import { BENCH_WORKFLOW_ID, checkTraceShape, makeDefinition, makeTrace } from './syntheticTrace.mjs'

// CANVAS_DIST points at another build, e.g. to compare before and after a change.
const DIST = path.resolve(
  process.env.CANVAS_DIST ?? fileURLToPath(new URL('../../../../target/frontend-dist/', import.meta.url)),
)
/**
 * How the trace is sent: as JSON lines, parsed a slice at a time (what the server sends the
 * Canvas), and as one JSON document (what it sent before), alternating in one run for a ratio.
 */
const ENCODINGS = (process.env.BENCH_ENCODINGS ?? 'lines,document').split(',')
const DEFAULT_PLAN = [
  [1_000, 5],
  [10_000, 3],
  [100_000, 3],
]
const STEP_TIMEOUT_MS = 120_000
/** How long after the rows appear a long task still counts as part of the load. */
const SETTLE_MS = 500

const log = (message) => process.stderr.write(`${message}\n`)

function parsePlan(args) {
  if (args.length === 0) return DEFAULT_PLAN
  return args.map((arg) => {
    const [size, reps = '3'] = arg.split(':')
    const plan = [Number(size), Number(reps)]
    if (!plan.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`not size[:repetitions]: ${arg}`)
    return plan
  })
}

// ---- The built Canvas and the API, from a tiny server ----

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** Bodies from this size go gzipped, as the real server sends them. */
const GZIP_FROM_BYTES = 1_400

/**
 * Serves the Canvas from `root` and answers `/api/*` from `api.fixture` (set per trace size). A
 * real HTTP server rather than Playwright's request interception: interception pushes a body
 * through the DevTools protocol base64-encoded (about 2 s for 50 MB) and hands it over in one
 * piece, which is neither how a server streams a trace nor what a user waits for.
 */
async function serveCanvas(root, api) {
  const indexFile = path.join(root, 'index.html')
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost')
    if (url.pathname.startsWith('/api/')) return answerApi(api, request, url, response)
    const pathname = decodeURIComponent(url.pathname)
    let file = path.join(root, path.normalize(pathname))
    if (!file.startsWith(root + path.sep)) return response.writeHead(403).end()
    let body
    try {
      body = await readFile(file)
    } catch {
      // Not a file (e.g. `/`): the single-page app's index, as the WAR serves it.
      file = indexFile
      body = await readFile(file)
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' })
    response.end(body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, baseUrl: `http://127.0.0.1:${server.address().port}/` }
}

/** A body in both forms, so a gzip-accepting request costs no compression time in the run. */
function encoded(text, contentType) {
  const plain = Buffer.from(text)
  return { contentType, plain, gzip: plain.length >= GZIP_FROM_BYTES ? gzipSync(plain) : null }
}

function makeFixture(spanCount) {
  const trace = makeTrace(spanCount)
  checkTraceShape(trace)
  const { spans, ...head } = trace
  const traceJson = encoded(JSON.stringify(trace), 'application/json')
  const traceLines = encoded(
    [head, ...spans].map((value) => JSON.stringify(value)).join('\n') + '\n',
    'application/x-ndjson',
  )
  return {
    spanCount,
    trace,
    traceJson,
    traceLines,
    jsonBytes: traceJson.plain.length,
    spansById: new Map(spans.map((span) => [span.spanId, span])),
  }
}

function send(request, response, status, body) {
  const gzip = body.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
  response.writeHead(status, {
    'content-type': body.contentType,
    ...(gzip && { 'content-encoding': 'gzip' }),
    vary: 'Accept, Accept-Encoding',
  })
  response.end(gzip ? body.gzip : body.plain)
}

/** Answers what the Canvas asks for; anything else is noted in `api.unexpected` and gets a 404. */
function answerApi(api, request, url, response) {
  const { fixture } = api
  const { trace } = fixture
  const json = (value) => send(request, response, 200, encoded(JSON.stringify(value), 'application/json'))
  const spanPath = url.pathname.match(/^\/api\/traces\/(\w+)\/spans\/(\w+)$/)
  if (request.method !== 'GET') {
    // falls through to the 404 below
  } else if (url.pathname === '/api/ui/config') {
    return json({ traceTabEnabled: true, monitoringLinks: [] })
  } else if (url.pathname === '/api/me') {
    return json({ user: 'bench', roles: ['viewer', 'runner', 'admin'] })
  } else if (url.pathname === '/api/workflows') {
    const { id, version, name, description } = makeDefinition()
    return json([{ id, version, name, description }])
  } else if (url.pathname === `/api/workflows/${BENCH_WORKFLOW_ID}`) {
    return json(makeDefinition())
  } else if (url.pathname === `/api/runs/${trace.run.runId}/events`) {
    // As the server answers for a run that has ended: one RunStatus event, then the end.
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    return response.end(
      `event: RunStatus\ndata: ${JSON.stringify({ runId: trace.run.runId, status: trace.run.status })}\n\n`,
    )
  } else if (url.pathname === '/api/traces') {
    return json({ items: [trace.run], nextCursor: null })
  } else if (url.pathname === `/api/traces/${trace.traceId}`) {
    // The Canvas asks for JSON lines; `api.encoding` 'document' answers as a server without them would.
    const lines = api.encoding === 'lines' && (request.headers.accept ?? '').startsWith('application/x-ndjson')
    return send(request, response, 200, lines ? fixture.traceLines : fixture.traceJson)
  } else if (spanPath && spanPath[1] === trace.traceId && fixture.spansById.has(spanPath[2])) {
    const content = `Summarise item ${spanPath[2]} for the benchmark.`
    return json({
      traceId: trace.traceId,
      span: fixture.spansById.get(spanPath[2]),
      artifacts: [
        {
          seq: 0,
          kind: 'prompt',
          contentType: 'text/plain',
          content,
          originalLength: content.length,
          truncated: false,
        },
      ],
    })
  }
  api.unexpected.add(`${request.method} ${url.pathname}`)
  const problem = { title: 'Not Found', status: 404, detail: url.pathname }
  send(request, response, 404, encoded(JSON.stringify(problem), 'application/problem+json'))
}

// ---- In-page measurement (these functions run in the browser) ----

/** Records every long task (> 50 ms on the main thread) from the start of the page. */
function recordLongTasks() {
  window.__benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/**
 * Clicks `click` (or types `type` into it) and resolves once `done` matches: `inDom` when the
 * DOM has it, `painted` one frame later (a timeout queued from requestAnimationFrame runs after
 * that frame's paint).
 */
function timeAction({ click, type, done, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const target = document.querySelector(click)
    if (!target) return reject(new Error(`nothing matches ${click}`))
    let finished = false
    const start = performance.now()
    const finish = () => {
      if (finished) return
      finished = true
      observer.disconnect()
      clearTimeout(timer)
      const inDom = performance.now() - start
      requestAnimationFrame(() => setTimeout(() => resolve({ start, inDom, painted: performance.now() - start })))
    }
    const observer = new MutationObserver(() => document.querySelector(done) && finish())
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`${done} did not appear within ${timeoutMs} ms of acting on ${click}`))
    }, timeoutMs)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
    if (type === undefined) {
      target.click()
    } else {
      // React listens for input events and reads the value through the prototype's setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(target, type)
      target.dispatchEvent(new Event('input', { bubbles: true }))
    }
    if (document.querySelector(done)) finish()
  })
}

/**
 * Scrolls the waterfall from top to bottom in `steps` jumps and back up in small ones, a frame
 * each, as a user dragging the scrollbar and then wheeling would. Resolves with the time taken.
 */
async function scrollThrough({ selector, steps }) {
  const viewport = document.querySelector(selector)
  if (!viewport) throw new Error(`nothing matches ${selector}`)
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  const start = performance.now()
  const bottom = viewport.scrollHeight - viewport.clientHeight
  for (let i = 1; i <= steps; i++) {
    viewport.scrollTop = (bottom * i) / steps
    await painted()
  }
  for (let i = 0; i < steps; i++) {
    viewport.scrollTop -= 120
    await painted()
  }
  return { start, duration: performance.now() - start }
}

/** When (performance.now() time) the response to the URL ending in `suffix` was fully received. */
function responseEndOf(suffix) {
  const entry = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.endsWith(suffix))
    .pop()
  return entry ? entry.responseEnd : null
}

// ---- CPU profiles (BENCH_PROFILE=1): where a step's main-thread time goes, by function ----

const PROFILE = Boolean(process.env.BENCH_PROFILE)

async function startProfile(cdp) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
}

/** Logs the functions with the most self time (build with `--minify false` for readable names). */
async function reportProfile(cdp, label) {
  const { profile } = await cdp.send('Profiler.stop')
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMs = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    const { callFrame } = byId.get(profile.samples[i])
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber}`
    selfMs.set(name, (selfMs.get(name) ?? 0) + profile.timeDeltas[i] / 1000)
  }
  const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 15)
  log(`profile of ${label}:\n${top.map(([name, time]) => `  ${Math.round(time)} ms  ${name}`).join('\n')}`)
}

// ---- One measured visit ----

const spanRows = '[data-testid^="span-row-"]'

function longestTaskIn(tasks, from, to) {
  let longest = 0
  for (const task of tasks) {
    if (task.start < to && task.start + task.duration > from) longest = Math.max(longest, task.duration)
  }
  return longest
}

async function measureOnce(browser, baseUrl, fixture) {
  const { trace } = fixture
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  try {
    await context.addInitScript(recordLongTasks)
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    const pageErrors = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')

    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' })
    await page.getByTestId(`workflow-item-${BENCH_WORKFLOW_ID}`).click()
    await page.getByTestId('tab-trace').click()
    await page.getByText('Pick a run from the history').waitFor()
    await page.getByTestId(`run-item-${trace.run.runId}`).waitFor()
    await page.waitForTimeout(200) // let the page go idle before the clock starts

    // 1. With the Trace tab open, select the run: fetch, JSON parse, first render.
    if (PROFILE) await startProfile(cdp)
    const select = await page.evaluate(timeAction, {
      click: `[data-testid="run-item-${trace.run.runId}"]`,
      done: spanRows,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    const responseEnd = await page.evaluate(responseEndOf, `/api/traces/${trace.traceId}`)
    const rowsDrawn = await page.evaluate((selector) => {
      const viewport = document.querySelector('[data-testid="trace-timeline"]')
      return { rows: document.querySelectorAll(selector).length, height: viewport?.clientHeight }
    }, spanRows)
    // Only the rows in view may be drawn: a layout that lets the list grow draws them all.
    if (fixture.spanCount > 1000 && rowsDrawn.rows > 200) {
      throw new Error(
        `${rowsDrawn.rows} rows in the DOM (viewport ${rowsDrawn.height}px): the waterfall draws rows out of view`,
      )
    }
    await page.waitForTimeout(SETTLE_MS)
    if (PROFILE) await reportProfile(cdp, `select run, ${fixture.spanCount} spans`)

    // 2. Click a node span's row: the details panel shows it.
    const nodeSpan = trace.spans[1] ?? trace.spans[0]
    const details = await page.evaluate(timeAction, {
      click: `[data-testid="span-row-${nodeSpan.spanId}"]`,
      done: `[data-testid="span-details"][aria-label="Span ${nodeSpan.name}"]`,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    await page.waitForTimeout(SETTLE_MS)

    // 3. Scroll the waterfall to the end and a little back: only the rows in view are drawn.
    const scroll = await page.evaluate(scrollThrough, { selector: '[data-testid="trace-timeline"]', steps: 40 })
    await page.waitForTimeout(SETTLE_MS)

    // 4. Graph tab, then back to the Trace tab with the trace cached: render cost alone.
    await page.getByTestId('tab-graph').click()
    await page.locator('.react-flow').waitFor()
    await page.waitForTimeout(SETTLE_MS)
    if (PROFILE) await startProfile(cdp)
    const tabSwitch = await page.evaluate(timeAction, {
      click: '[data-testid="tab-trace"]',
      done: spanRows,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    await page.waitForTimeout(SETTLE_MS)
    if (PROFILE) await reportProfile(cdp, `graph → trace tab, ${fixture.spanCount} spans`)

    // 5. Search the trace: the first search also builds the per-span search texts.
    const search = await page.evaluate(timeAction, {
      click: '[data-testid="trace-search"]',
      type: 'attempt 2',
      done: '[data-testid="trace-search-count"]',
      timeoutMs: STEP_TIMEOUT_MS,
    })
    await page.waitForTimeout(SETTLE_MS)

    const tasks = await page.evaluate(() => window.__benchLongTasks)
    await cdp.send('HeapProfiler.collectGarbage')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN
    if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join('; ')}`)
    return {
      selectRows: select.painted,
      responseReceived: responseEnd === null ? NaN : responseEnd - select.start,
      selectLongest: longestTaskIn(tasks, select.start, select.start + select.painted + SETTLE_MS),
      details: details.painted,
      scrollLongest: longestTaskIn(tasks, scroll.start, scroll.start + scroll.duration),
      tabSwitchRows: tabSwitch.painted,
      tabSwitchLongest: longestTaskIn(tasks, tabSwitch.start, tabSwitch.start + tabSwitch.painted + SETTLE_MS),
      search: search.painted,
      heapMb: heapBytes / 1e6,
    }
  } finally {
    await context.close()
  }
}

// ---- Report ----

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : '?')
const stat = (values) => `${ms(median(values))} / ${ms(Math.max(...values))}`
/** Long tasks are only reported from 50 ms on. */
const taskStat = (values) => {
  const show = (value) => (value === 0 ? '<50' : ms(value))
  return `${show(median(values))} / ${show(Math.max(...values))}`
}

function formatBytes(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`
}

function table(results) {
  const lines = [
    '| Spans | JSON | Trace sent as | Runs | Select run → first rows | Trace response received | Longest task, select run | Longest task, scrolling | Graph → Trace tab (cached) | Longest task, tab switch | Click row → details | First search → count | JS heap after |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const { fixture, encoding, samples } of results) {
    const column = (key) => samples.map((sample) => sample[key])
    lines.push(
      `| ${fixture.spanCount.toLocaleString('en-US')} | ${formatBytes(fixture.jsonBytes)} | ` +
        `${encoding === 'lines' ? 'JSON lines' : 'one document'} | ${samples.length} | ` +
        `${stat(column('selectRows'))} | ${stat(column('responseReceived'))} | ${taskStat(column('selectLongest'))} | ${taskStat(column('scrollLongest'))} | ` +
        `${stat(column('tabSwitchRows'))} | ${taskStat(column('tabSwitchLongest'))} | ${stat(column('details'))} | ${stat(column('search'))} | ` +
        `${Math.round(median(column('heapMb')))} MB |`,
    )
  }
  return lines.join('\n')
}

async function main() {
  const plan = parsePlan(process.argv.slice(2))
  if (!existsSync(path.join(DIST, 'index.html'))) {
    log(`No built Canvas in ${DIST}: run \`npm run build\` first.`)
    process.exit(2)
  }
  const api = { fixture: null, encoding: ENCODINGS[0], unexpected: new Set() }
  const { server, baseUrl } = await serveCanvas(DIST, api)
  const browser = await launchChromium()
  const browserVersion = browser.version()
  const results = []
  try {
    log(`Canvas from ${DIST} at ${baseUrl}; Chromium ${browserVersion}`)
    for (const [spanCount, repetitions] of plan) {
      const fixture = makeFixture(spanCount)
      api.fixture = fixture
      const samples = new Map(ENCODINGS.map((encoding) => [encoding, []]))
      for (let i = 1; i <= repetitions; i++) {
        for (const encoding of ENCODINGS) {
          api.encoding = encoding
          const sample = await measureOnce(browser, baseUrl, fixture)
          log(
            `${spanCount} spans as ${encoding}, run ${i}/${repetitions}: rows after ${ms(sample.selectRows)} ms ` +
              `(response at ${ms(sample.responseReceived)}), longest task ${ms(sample.selectLongest)} ms, ` +
              `scrolling ${ms(sample.scrollLongest)} ms, tab switch ${ms(sample.tabSwitchRows)} ms, ` +
              `details ${ms(sample.details)} ms, search ${ms(sample.search)} ms`,
          )
          samples.get(encoding).push(sample)
        }
      }
      for (const [encoding, taken] of samples) results.push({ fixture, encoding, samples: taken })
    }
  } finally {
    await browser.close()
    server.close()
  }
  if (api.unexpected.size > 0)
    log(`warning: the Canvas asked for unstubbed endpoints: ${[...api.unexpected].join(', ')}`)
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  console.log(table(results))
  console.log(
    `\nTimes in ms, median / max. Chromium ${browserVersion}, Node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${load} at the end.`,
  )
}

main().catch((error) => {
  log(`bench FAILED: ${error instanceof Error ? error.stack : error}`)
  process.exit(1)
})
