// The JavaScript blocks of README.md and docs/node.md, and examples/node/*, run.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = fileURLToPath(new URL('../lib/index.cjs', import.meta.url))
const blocks = ['README.md', 'docs/node.md'].flatMap((doc) =>
  [...readFileSync(join(root, doc), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m, i) => [`${doc}[${i}]`, m[1]]),
)

test('there are blocks to run', () => assert.ok(blocks.length >= 2))

for (const [name, code] of blocks) {
  test(`doc block ${name} runs`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-doc-'))
    const file = join(dir, 'block.cjs')
    writeFileSync(file, code.replaceAll("require('journeymap')", `require(${JSON.stringify(pkg)})`))
    const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' })
    assert.ok(out.length > 0)
  })
}

for (const script of readdirSync(join(root, 'examples/node'))) {
  test(`example ${script} runs`, () => {
    const out = execFileSync(process.execPath, [join(root, 'examples/node', script)], { cwd: root, encoding: 'utf8' })
    assert.ok(out.length > 0)
  })
}
