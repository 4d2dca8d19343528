// Generates src/api/schema.d.ts from openapi.json (the Host's OpenAPI document) with openapi-typescript.
// The file is rewritten only when its text changes, so that running the tests or the type check does not make the
// Host's build think the UI sources changed (it rebuilds the UI when a file under src/ is newer than wwwroot/index.html).
import { readFile, writeFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'

const spec = new URL('../openapi.json', import.meta.url)
const out = new URL('../src/api/schema.d.ts', import.meta.url)

const header = `/**
 * Generated from openapi.json by \`npm run generate:api\` (openapi-typescript). Do not edit; not committed.
 */

`
const text = header + astToString(await openapiTS(spec))
const current = await readFile(out, 'utf8').catch(() => null)
if (current !== text) {
  await writeFile(out, text)
  console.log('src/api/schema.d.ts generated from openapi.json')
}
