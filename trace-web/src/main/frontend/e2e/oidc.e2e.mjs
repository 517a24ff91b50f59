// End-to-end check of single sign-on in headless Chromium: the login page's "Sign in with
// Keycloak" goes through a real Keycloak's login page (bin/keycloak, realm
// config/keycloak/workflow-tracing-realm.json) and back; the roles come from the token's claim
// (tracing-admin → viewer, runner, admin; tracing-viewer → viewer); logging out ends the session.
//
//   node e2e/oidc.e2e.mjs http://localhost:8080/ [screenshot-dir]
//
// Exits 0 when every step passes, 1 with a message naming the failed step otherwise.
import { launchChromium } from './chromium.mjs'
import { check, runE2e, screenshots, step } from './harness.mjs'

const STEP_TIMEOUT_MS = 30_000
const OVERALL_TIMEOUT_MS = 150_000
const VIEWPORT = { width: 1400, height: 900 }

const [baseUrl, screenshotDir] = process.argv.slice(2)
if (!baseUrl) {
  console.error('usage: node e2e/oidc.e2e.mjs <base-url> [screenshot-dir]')
  process.exit(2)
}

const screenshot = screenshots(screenshotDir)

/** From the Canvas's login page through Keycloak's and back; answers the roles the Canvas shows. */
async function signInThroughKeycloak(page, username, password) {
  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('login-oidc').click()
  await page.locator('#username').waitFor()
  check(new URL(page.url()).port !== new URL(baseUrl).port, `the login page is Keycloak's, not ours: ${page.url()}`)
  if (username === 'ada') await screenshot(page, 'keycloak-login.png')
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.locator('#kc-login').click()
  await page.getByTestId('current-user').waitFor()
  check(new URL(page.url()).origin === new URL(baseUrl).origin, `back on the Canvas: ${page.url()}`)
  const user = await page.locator('.current-user__name').textContent()
  check(user === username, `the Canvas shows ${user}, not ${username}`)
  return page.locator('.current-user__roles').textContent()
}

async function main() {
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)

    step('ada (tracing-admin at Keycloak) signs in through Keycloak and is an admin here')
    const adaRoles = await signInThroughKeycloak(page, 'ada', 'ada-password')
    check(adaRoles === 'viewer, runner, admin', `ada's roles are "${adaRoles}"`)
    await page.getByTestId('nav-admin').waitFor()

    step("logging out ends the session here and Keycloak's")
    await page.getByTestId('logout-button').click()
    // Keycloak asks to confirm (no ID token is kept here to skip that), then sends the browser back.
    await page.locator('#kc-logout').click()
    await page.getByTestId('login-form').waitFor()
    check(new URL(page.url()).origin === new URL(baseUrl).origin, `back on the Canvas: ${page.url()}`)
    const me = await page.request.get(new URL('api/me', baseUrl).toString())
    check(me.status() === 401, `GET /api/me after logging out: ${me.status()}`)
    await page.getByTestId('login-oidc').click()
    await page.locator('#username').waitFor()

    step('vic (tracing-viewer at Keycloak) is a viewer here')
    const viewerPage = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
    viewerPage.setDefaultTimeout(STEP_TIMEOUT_MS)
    const vicRoles = await signInThroughKeycloak(viewerPage, 'vic', 'vic-password')
    check(vicRoles === 'viewer', `vic's roles are "${vicRoles}"`)
    check((await viewerPage.getByTestId('nav-admin').count()) === 0, 'vic sees no admin page')
    console.log('e2e OK')
  } finally {
    await browser.close()
  }
}

runE2e(main, OVERALL_TIMEOUT_MS)
