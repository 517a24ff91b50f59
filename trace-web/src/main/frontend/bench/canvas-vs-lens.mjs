// The same trace opened from its URL in this Canvas and in Zipkin Lens, in headless Chromium: time
// from navigation to the frame that paints the root span's row, and the longest task until then.
// Each visit in a fresh browser context (nothing cached), alternating who goes first.
//
//   node bench/canvas-vs-lens.mjs <canvas-url> <zipkin-url> <trace-id> <root-span-name> [visits=5]
//
// Run by bench/trace-read-bench.sh, which starts both servers and stores the trace in both.
// Logs in to the Canvas as BENCH_USER / BENCH_PASSWORD (default the demo admin).
import { launchChromium } from '../e2e/chromium.mjs'

const [canvasUrl, zipkinUrl, traceId, rootName, visitsArg] = process.argv.slice(2)
if (!rootName) {
  console.error('usage: node bench/canvas-vs-lens.mjs <canvas-url> <zipkin-url> <trace-id> <root-span-name> [visits]')
  process.exit(2)
}
const visits = Number(visitsArg ?? 5)
const credentials = {
  username: process.env.BENCH_USER ?? 'admin',
  password: process.env.BENCH_PASSWORD ?? 'admin-password',
}

// Installed before any page script: notes when a text node holding the root's name is
// added (Lens may put more beside it), then the next animation frame (the one that paints it), and every long task.
function watchForRoot(name) {
  window.__longest = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration)
  }).observe({ type: 'longtask', buffered: true })
  const found = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    for (let text = walker.currentNode; text; text = walker.nextNode()) {
      if (text.nodeType === Node.TEXT_NODE && text.nodeValue.includes(name)) return true
    }
    return false
  }
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (found(node)) {
          observer.disconnect()
          requestAnimationFrame(() => {
            window.__paintedAt = performance.now()
          })
          return
        }
      }
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function visit(browser, url, withLogin) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    ...(withLogin && { httpCredentials: credentials }),
  })
  try {
    const page = await context.newPage()
    await page.addInitScript(watchForRoot, rootName)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__paintedAt !== undefined, null, { timeout: 60_000, polling: 50 })
    return await page.evaluate(() => ({ painted: window.__paintedAt, longest: window.__longest }))
  } finally {
    await context.close()
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const browser = await launchChromium()
const results = { canvas: [], lens: [] }
try {
  const targets = {
    canvas: [`${canvasUrl.replace(/\/$/, '')}/traces/${traceId}`, true],
    lens: [`${zipkinUrl.replace(/\/$/, '')}/zipkin/traces/${traceId}`, false],
  }
  await visit(browser, ...targets.canvas) // warm-up: the server's first render of the trace
  await visit(browser, ...targets.lens)
  for (let i = 0; i < visits; i++) {
    const order = i % 2 === 0 ? ['canvas', 'lens'] : ['lens', 'canvas']
    for (const who of order) results[who].push(await visit(browser, ...targets[who]))
  }
} finally {
  await browser.close()
}
const row = (who, label) => {
  const painted = results[who].map((r) => r.painted)
  const longest = results[who].map((r) => r.longest)
  return `| ${label} | ${median(painted).toFixed(0)} | ${Math.max(...painted).toFixed(0)} | ${median(longest).toFixed(0)} |`
}
console.log(`\nNavigation to the root span's row painted, "${rootName}" (${visits} visits each, fresh context each):\n`)
console.log('| viewer | median ms | worst ms | longest task, median ms |')
console.log('|---|---|---|---|')
console.log(row('canvas', 'this Canvas'))
console.log(row('lens', 'Zipkin Lens 3.5.1'))
const ratio = median(results.canvas.map((r) => r.painted)) / median(results.lens.map((r) => r.painted))
console.log(`\nratio (median, Canvas / Lens): ${ratio.toFixed(2)}`)
