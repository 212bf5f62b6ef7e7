// The code blocks of README.md and docs/node.md run, and so does every program in examples/node.
// ```js blocks run as CommonJS, or as ESM when they use `import`; ```ts blocks are type-checked
// and compiled by tsc (strict), then run. `journeymap` resolves to this package through a
// node_modules link, as it does for a user who installed it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, mkdirSync, symlinkSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = fileURLToPath(new URL('..', import.meta.url))
const tsc = join(pkg, 'node_modules/typescript/bin/tsc')
const blocks = ['README.md', 'docs/node.md'].flatMap((doc) =>
  [...readFileSync(join(root, doc), 'utf8').matchAll(/```(js|ts)\n([\s\S]*?)```/g)].map((m, i) => ({ name: `${doc}[${i}]`, lang: m[1], code: m[2] })),
)

/** A directory where `journeymap` is an installed package. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'jm-doc-'))
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(pkg, join(dir, 'node_modules', 'journeymap'), 'dir')
  return dir
}

const run = (file) => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' })

test('there are CommonJS, ESM and TypeScript blocks to run', () => {
  const isEsm = (b) => b.lang === 'js' && /^import\s/m.test(b.code)
  assert.ok(blocks.filter((b) => b.lang === 'js' && !isEsm(b)).length >= 2)
  assert.ok(blocks.filter(isEsm).length >= 1)
  assert.ok(blocks.filter((b) => b.lang === 'ts').length >= 1)
})

for (const { name, lang, code } of blocks) {
  test(`doc block ${name} runs`, () => {
    const dir = workspace()
    let file
    if (lang === 'ts') {
      writeFileSync(join(dir, 'block.mts'), code)
      const compilerOptions = { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false, types: ['node'], typeRoots: [join(pkg, 'node_modules/@types')], outDir: 'out' }
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['block.mts'] }))
      try {
        execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' })
      } catch (e) {
        assert.fail(`tsc rejects ${name}:\n${e.stdout}${e.stderr}`)
      }
      file = join(dir, 'out', 'block.mjs')
    } else {
      file = join(dir, /^import\s/m.test(code) ? 'block.mjs' : 'block.cjs')
      writeFileSync(file, code)
    }
    assert.ok(run(file).length > 0)
  })
}

const programs = readdirSync(join(root, 'examples/node'))

test('examples/node has CommonJS and ESM programs', () => {
  assert.ok(programs.some((p) => p.endsWith('.cjs')))
  assert.ok(programs.some((p) => p.endsWith('.mjs')))
})

for (const script of programs) {
  test(`example ${script} runs`, () => {
    const out = run(join(root, 'examples/node', script))
    assert.match(out, /conversion/)
  })
}
