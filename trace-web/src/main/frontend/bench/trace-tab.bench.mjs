// Benchmark of the Canvas's Trace tab: the BUILT app in headless Chromium, the API stubbed with
// synthetic traces, so it measures the browser's cost only (no server, no database).
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
import { launchChromium } from '../e2e/chromium.mjs'
import { BENCH_WORKFLOW_ID, checkTraceShape, makeDefinition, makeTrace } from './syntheticTrace.mjs'

// CANVAS_DIST points at another build, e.g. to compare before and after a change.
const DIST = path.resolve(
  process.env.CANVAS_DIST ?? fileURLToPath(new URL('../../../../target/frontend-dist/', import.meta.url)),
)
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

// ---- The built Canvas, from a tiny static server ----

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

async function serveDist(root) {
  const indexFile = path.join(root, 'index.html')
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname)
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

// ---- The API, answered by request interception ----

function makeFixture(spanCount) {
  const trace = makeTrace(spanCount)
  checkTraceShape(trace)
  const traceJson = JSON.stringify(trace)
  return {
    spanCount,
    trace,
    traceJson,
    jsonBytes: Buffer.byteLength(traceJson),
    spansById: new Map(trace.spans.map((span) => [span.spanId, span])),
  }
}

/** [status, body as a string] for an API request, or null when the Canvas asked for something unexpected. */
function answerApi(fixture, method, url) {
  const { trace } = fixture
  const json = (body) => [200, JSON.stringify(body)]
  if (method !== 'GET') return null
  if (url.pathname === '/api/ui/config') return json({ traceTabEnabled: true, monitoringLinks: [] })
  if (url.pathname === '/api/me') return json({ user: 'bench', roles: ['viewer', 'runner', 'admin'] })
  if (url.pathname === '/api/workflows') {
    const { id, version, name, description } = makeDefinition()
    return json([{ id, version, name, description }])
  }
  if (url.pathname === `/api/workflows/${BENCH_WORKFLOW_ID}`) return json(makeDefinition())
  if (url.pathname === '/api/traces') return json({ items: [trace.run], nextCursor: null })
  if (url.pathname === `/api/traces/${trace.traceId}`) return [200, fixture.traceJson]
  const spanPath = url.pathname.match(/^\/api\/traces\/(\w+)\/spans\/(\w+)$/)
  if (spanPath && spanPath[1] === trace.traceId && fixture.spansById.has(spanPath[2])) {
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
  return null
}

async function routeApi(context, fixture, unexpected) {
  await context.route(
    (url) => url.pathname.startsWith('/api/'),
    (route) => {
      const request = route.request()
      const url = new URL(request.url())
      const answer = answerApi(fixture, request.method(), url)
      if (!answer) unexpected.add(`${request.method()} ${url.pathname}`)
      const [status, body] = answer ?? [404, JSON.stringify({ title: 'Not Found', status: 404, detail: url.pathname })]
      return route.fulfill({
        status,
        contentType: status < 300 ? 'application/json' : 'application/problem+json',
        body,
      })
    },
  )
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

/** When (performance.now() time) the response to the URL ending in `suffix` was fully received. */
function responseEndOf(suffix) {
  const entry = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.endsWith(suffix))
    .pop()
  return entry ? entry.responseEnd : null
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

async function measureOnce(browser, baseUrl, fixture, unexpected) {
  const { trace } = fixture
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  try {
    await context.addInitScript(recordLongTasks)
    await routeApi(context, fixture, unexpected)
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
    const select = await page.evaluate(timeAction, {
      click: `[data-testid="run-item-${trace.run.runId}"]`,
      done: spanRows,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    const responseEnd = await page.evaluate(responseEndOf, `/api/traces/${trace.traceId}`)
    await page.waitForTimeout(SETTLE_MS)

    // 2. Click a node span's row: the details panel shows it.
    const nodeSpan = trace.spans[1] ?? trace.spans[0]
    const details = await page.evaluate(timeAction, {
      click: `[data-testid="span-row-${nodeSpan.spanId}"]`,
      done: `[data-testid="span-details"][aria-label="Span ${nodeSpan.name}"]`,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    await page.waitForTimeout(SETTLE_MS)

    // 3. Graph tab, then back to the Trace tab with the trace cached: render cost alone.
    await page.getByTestId('tab-graph').click()
    await page.locator('.react-flow').waitFor()
    await page.waitForTimeout(SETTLE_MS)
    const tabSwitch = await page.evaluate(timeAction, {
      click: '[data-testid="tab-trace"]',
      done: spanRows,
      timeoutMs: STEP_TIMEOUT_MS,
    })
    await page.waitForTimeout(SETTLE_MS)

    // 4. Search the trace: the first search also builds the per-span search texts.
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
    '| Spans | JSON | Runs | Select run → first rows | Trace response received | Longest task, select run | Graph → Trace tab (cached) | Longest task, tab switch | Click row → details | First search → count | JS heap after |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const { fixture, samples } of results) {
    const column = (key) => samples.map((sample) => sample[key])
    lines.push(
      `| ${fixture.spanCount.toLocaleString('en-US')} | ${formatBytes(fixture.jsonBytes)} | ${samples.length} | ` +
        `${stat(column('selectRows'))} | ${stat(column('responseReceived'))} | ${taskStat(column('selectLongest'))} | ` +
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
  const { server, baseUrl } = await serveDist(DIST)
  const browser = await launchChromium()
  const browserVersion = browser.version()
  const unexpected = new Set()
  const results = []
  try {
    log(`Canvas from ${DIST} at ${baseUrl}; Chromium ${browserVersion}`)
    for (const [spanCount, repetitions] of plan) {
      const fixture = makeFixture(spanCount)
      const samples = []
      for (let i = 1; i <= repetitions; i++) {
        const sample = await measureOnce(browser, baseUrl, fixture, unexpected)
        log(
          `${spanCount} spans, run ${i}/${repetitions}: rows after ${ms(sample.selectRows)} ms ` +
            `(response at ${ms(sample.responseReceived)}), longest task ${ms(sample.selectLongest)} ms, ` +
            `tab switch ${ms(sample.tabSwitchRows)} ms, details ${ms(sample.details)} ms, search ${ms(sample.search)} ms`,
        )
        samples.push(sample)
      }
      results.push({ fixture, samples })
    }
  } finally {
    await browser.close()
    server.close()
  }
  if (unexpected.size > 0) log(`warning: the Canvas asked for unstubbed endpoints: ${[...unexpected].join(', ')}`)
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
