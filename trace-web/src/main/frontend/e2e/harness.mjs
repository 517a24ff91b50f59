// What every browser test script shares: the steps it names as it goes, its checks, its
// screenshots, a watchdog, and one exit code: 0 when every step passed, 1 with the failed step.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

let currentStep = 'starting'

/** Names the step now running, for the log and for the failure message. */
export function step(name) {
  currentStep = name
  console.log(`- ${name}`)
}

export function check(condition, message) {
  if (!condition) throw new Error(message)
}

/** A screenshot function saving into `dir` (none when it is not given). */
export function screenshots(dir) {
  return async (page, name) => {
    if (!dir) return
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, name)
    await page.screenshot({ path: file, fullPage: false })
    console.log(`  saved ${file}`)
  }
}

/** Runs the script's main function, ending the process when it ends or after the timeout. */
export function runE2e(main, overallTimeoutMs) {
  const watchdog = setTimeout(() => {
    console.error(`e2e FAILED: no result after ${overallTimeoutMs / 1000}s`)
    process.exit(1)
  }, overallTimeoutMs)
  main().then(
    () => {
      clearTimeout(watchdog)
      process.exit(0)
    },
    (error) => {
      console.error(`e2e FAILED at step "${currentStep}": ${error instanceof Error ? error.message : error}`)
      process.exit(1)
    },
  )
}
