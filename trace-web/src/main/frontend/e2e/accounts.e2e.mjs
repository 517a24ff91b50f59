// End-to-end check of accounts in headless Chromium against a running server: the login page
// (never the browser's own dialog), a wrong password, signing in, CSRF protection of the session,
// the API token admin page (create, use, revoke), logging out, and an idle session expiring.
//
//   node e2e/accounts.e2e.mjs http://localhost:8080/ [screenshot-dir]
//
// E2E_SESSION_IDLE_SECONDS: the server's tracing.session.idle-timeout in seconds (the test servers
// have 15). Demo users admin / admin-password and viewer / viewer-password.
// Exits 0 when every step passes, 1 with a message naming the failed step otherwise.
import { launchChromium } from './chromium.mjs'
import { check, runE2e, screenshots, step } from './harness.mjs'

const STEP_TIMEOUT_MS = 15_000
const IDLE_SECONDS = Number(process.env.E2E_SESSION_IDLE_SECONDS ?? 15)
const OVERALL_TIMEOUT_MS = 120_000 + IDLE_SECONDS * 1000
const VIEWPORT = { width: 1400, height: 900 }

const [baseUrl, screenshotDir] = process.argv.slice(2)
if (!baseUrl) {
  console.error('usage: node e2e/accounts.e2e.mjs <base-url> [screenshot-dir]')
  process.exit(2)
}
const api = (p) => new URL(`api/${p}`, baseUrl).toString()

const screenshot = screenshots(screenshotDir)

async function signIn(page, username, password) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

async function main() {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: VIEWPORT })
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    const challenges = []
    page.on('response', (response) => {
      const challenge = response.headers()['www-authenticate'] ?? ''
      if (/^basic/i.test(challenge)) challenges.push(response.url())
    })

    step('the Canvas opens on its own login page')
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' })
    await page.getByTestId('login-form').waitFor()
    await screenshot(page, 'login-page.png')

    step('a wrong password is refused on the page')
    await signIn(page, 'admin', 'not-the-password')
    const error = await page.getByTestId('login-error').textContent()
    check(/password is wrong/.test(error), `the login error says "${error}"`)

    step('signing in shows the Canvas')
    await signIn(page, 'admin', 'admin-password')
    await page.getByTestId('current-user').waitFor()
    await page.getByTestId('workflow-list').waitFor()
    const cookies = await context.cookies()
    const sessionCookie = cookies.find((c) => c.name === 'wt_session')
    const csrfCookie = cookies.find((c) => c.name === 'wt_csrf')
    check(sessionCookie && sessionCookie.httpOnly, 'the session cookie is HttpOnly')
    check(sessionCookie.sameSite === 'Strict', `the session cookie is SameSite=${sessionCookie.sameSite}`)
    check(csrfCookie && !csrfCookie.httpOnly, 'the CSRF cookie is readable by the page')

    step('a state-changing call of the session without its CSRF token is refused')
    const noHeader = await page.request.post(api('admin/tokens'), {
      data: { name: 'forged', role: 'admin', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    })
    check(noHeader.status() === 403, `without X-CSRF-Token: ${noHeader.status()}`)
    check((await noHeader.json()).detail.includes('X-CSRF-Token'), 'the refusal names the header')
    const forged = await page.request.post(api('admin/tokens'), {
      headers: { 'X-CSRF-Token': 'forged-token' },
      data: { name: 'forged', role: 'admin', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    })
    check(forged.status() === 403, `with a forged X-CSRF-Token: ${forged.status()}`)
    check(
      (await noHeader.headers()['content-type']).startsWith('application/problem+json'),
      'the refusal is problem+json',
    )

    step('the admin page creates an API token and shows its secret once')
    await page.getByTestId('nav-admin').click()
    await page.getByTestId('token-form').waitFor()
    const tokenName = `e2e-${Date.now()}`
    await page.getByTestId('token-name').fill(tokenName)
    await page.getByTestId('token-role').selectOption('runner')
    await page.getByTestId('token-create').click()
    const secret = (await page.getByTestId('token-secret').textContent()).trim()
    check(/^wt_[A-Za-z0-9_-]{43}$/.test(secret), `the token is "${secret}"`)
    const row = page.locator(`[data-testid="token-row"][data-name="${tokenName}"]`)
    await row.waitFor()
    check((await row.getAttribute('data-state')) === 'active', 'the new token is active')
    check(!(await page.getByTestId('token-table').textContent()).includes(secret), 'the list never shows a secret')
    await page.getByTestId('token-created').scrollIntoViewIfNeeded()
    await screenshot(page, 'api-tokens.png')

    step('the token works as Authorization: Bearer, in its role')
    const asToken = await fetch(api('me'), { headers: { Authorization: `Bearer ${secret}` } })
    check(asToken.status === 200, `GET /api/me with the token: ${asToken.status}`)
    const me = await asToken.json()
    check(me.user === `token:${tokenName}` && me.roles.includes('runner'), `the token acts as ${JSON.stringify(me)}`)

    step('revoking it on the page refuses it at once')
    await row.getByTestId('token-revoke').click()
    await page.locator(`[data-testid="token-row"][data-name="${tokenName}"][data-state="revoked"]`).waitFor()
    const revoked = await fetch(api('me'), { headers: { Authorization: `Bearer ${secret}` } })
    check(revoked.status === 401, `GET /api/me with the revoked token: ${revoked.status}`)

    step('logging out shows the login page, and the old session is gone on the server')
    await page.getByTestId('logout-button').click()
    const notice = await page.getByTestId('login-notice').textContent()
    check(/logged out/.test(notice), `the login page says "${notice}"`)
    const oldSession = await fetch(api('me'), { headers: { Cookie: `wt_session=${sessionCookie.value}` } })
    check(oldSession.status === 401, `the signed-out session's cookie: ${oldSession.status}`)

    step(`an idle session expires after ${IDLE_SECONDS} s`)
    await signIn(page, 'viewer', 'viewer-password')
    await page.getByTestId('workflow-list').waitFor()
    await new Promise((resolve) => setTimeout(resolve, (IDLE_SECONDS + 3) * 1000))
    await page.getByTestId('nav-search').click()
    const expired = await page.getByTestId('login-notice').textContent()
    check(/expired/.test(expired), `after the idle time the login page says "${expired}"`)

    check(challenges.length === 0, `Basic challenges were answered to the page: ${challenges.join(', ')}`)
    console.log('e2e OK')
  } finally {
    await browser.close()
  }
}

runE2e(main, OVERALL_TIMEOUT_MS)
