// The API's TypeScript types, generated with openapi-typescript from the OpenAPI document at the
// repository root (docs/openapi.yaml) into src/api/generated/openapi.ts, which is committed.
//
//   node scripts/api-types.mjs           # npm run generate:api-types: write the file
//   node scripts/api-types.mjs --check   # npm run check:api-types: fail if the committed file is stale
//
// The check generates into a temporary file and compares; `npm run lint` runs it, so a document
// changed without regenerating fails the Maven build.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const FRONTEND = fileURLToPath(new URL('..', import.meta.url))
const DOCUMENT = path.resolve(FRONTEND, '../../../../docs/openapi.yaml')
const OUTPUT = path.join(FRONTEND, 'src/api/generated/openapi.ts')

const HEADER = `// Generated from docs/openapi.yaml by scripts/api-types.mjs (openapi-typescript). Do not edit:
// change the document and run \`npm run generate:api-types\`; src/api/types.ts names these types.

`

async function generate() {
  const ast = await openapiTS(new URL(`file://${DOCUMENT}`), {
    // A default is what the server assumes when a field is left out, not a promise that it is there.
    defaultNonNullable: false,
    silent: true,
  })
  return HEADER + astToString(ast)
}

async function check() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'api-types-'))
  try {
    const fresh = path.join(dir, 'openapi.ts')
    await writeFile(fresh, await generate())
    const [expected, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile(OUTPUT, 'utf8').catch(() => '')])
    if (expected !== committed) {
      console.error(
        `${path.relative(FRONTEND, OUTPUT)} is stale: docs/openapi.yaml changed since it was generated.\n` +
          'Run `npm run generate:api-types` in trace-web/src/main/frontend and commit the result.',
      )
      process.exitCode = 1
    } else {
      console.log(`${path.relative(FRONTEND, OUTPUT)} matches docs/openapi.yaml.`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv.includes('--check')) {
  await check()
} else {
  await writeFile(OUTPUT, await generate())
  console.log(`Wrote ${path.relative(FRONTEND, OUTPUT)} from docs/openapi.yaml.`)
}
