// The HTML report in a real browser (Debian's chromium, headless, driven by playwright-core):
// no console error, no network request, the persona switch changes the visible map, and the
// screenshot is not blank; printed on A4 landscape, every persona prints, nothing is wider than
// the paper, a persona's heading stays with its picture and the page count stays small. scripts/test-node.sh installs chromium when it is missing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { JourneyMap } from '../lib/index.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Share of the bytes of a PNG's pixel rows that are not white (filter bytes counted too). */
function inkOf(png) {
  const chunks = []
  let at = 8
  while (at < png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(chunks))
  let ink = 0
  for (const b of raw) if (b < 240) ink++
  return ink / raw.length
}

test('the report works in a real browser', { skip: !existsSync(CHROMIUM) && 'chromium is not installed (scripts/test-node.sh installs it)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'journeymap-report-'))
  const file = join(dir, 'report.html')
  writeFileSync(file, JourneyMap.fromJson(readFileSync(root + 'examples/bank-personal-loan.as-is.json')).toHtml())
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1440, height: 900 },
  })
  try {
    const page = await context.newPage()
    const errors = []
    const requests = []
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('request', (r) => requests.push(r.url()))
    const url = pathToFileURL(file).href
    await page.goto(url)
    await page.waitForLoadState('load')
    assert.deepEqual(errors, [])
    assert.deepEqual(requests, [url], 'the report fetched something besides itself')

    const visibleMap = () => page.evaluate(() => {
      const shown = [...document.querySelectorAll('section.panel')].filter((s) => s.offsetParent !== null)
      return shown.map((s) => s.querySelector('svg title')?.id)
    })
    assert.deepEqual(await visibleMap(), ['jm-all-journey-title'])
    const before = await page.screenshot()
    assert.ok(inkOf(before) > 0.02, 'the screenshot is blank')
    await page.click('label[for=show-1]')
    assert.deepEqual(await visibleMap(), ['jm-p1-journey-title'])
    const after = await page.screenshot()
    assert.ok(!before.equals(after), 'switching persona did not change the page')
    // The figure shows the chosen persona's name.
    const text = await page.locator('#panel-1 figure').first().innerText()
    assert.match(text, /Family|family/)
    // Printed, every persona is laid out.
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => [...document.querySelectorAll('section.panel')].filter((s) => s.offsetParent !== null).length)
    assert.equal(printed, 4)
    assert.deepEqual(errors, [])
    assert.deepEqual(requests, [url])
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

// A4 landscape with the report's 10 mm margins: 277 × 190 mm, in CSS pixels (96 per inch).
const PRINT_WIDTH = 277 / 25.4 * 96
const PRINT_HEIGHT = 190 / 25.4 * 96

test('the report prints on A4 landscape', { skip: !existsSync(CHROMIUM) && 'chromium is not installed (scripts/test-node.sh installs it)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'journeymap-print-'))
  const file = join(dir, 'report.html')
  writeFileSync(file, JourneyMap.fromJson(readFileSync(root + 'examples/bank-personal-loan.as-is.json')).toHtml())
  // The page laid out as on paper: as wide as the printable width, in print media.
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: Math.floor(PRINT_WIDTH), height: Math.floor(PRINT_HEIGHT) },
  })
  try {
    const page = await context.newPage()
    await page.goto(pathToFileURL(file).href)
    await page.emulateMedia({ media: 'print' })
    const layout = await page.evaluate((width) => {
      const box = (e) => e.getBoundingClientRect()
      return {
        // Every persona prints (the switcher shows one on screen).
        panels: [...document.querySelectorAll('section.panel')].map((s) => s.offsetParent !== null),
        // Nothing is wider than the paper.
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => box(e).width > width + 1)
          .map((e) => `${e.tagName} ${Math.round(box(e).width)}`),
        // Each persona's heading and its first picture fit on one page.
        openings: [...document.querySelectorAll('section.panel')].map((s) => {
          const svg = s.querySelector('figure svg')
          return svg ? box(svg).bottom - box(s.querySelector('h2')).top : 0
        }),
        pictures: [...document.querySelectorAll('figure svg')].map((e) => box(e).height),
      }
    }, PRINT_WIDTH)
    assert.equal(layout.panels.length, 4)
    assert.ok(layout.panels.every(Boolean), 'a persona is hidden in print')
    assert.deepEqual(layout.wide, [], 'wider than A4 landscape')
    assert.ok(layout.pictures.length >= 8 && layout.pictures.every((h) => h > 100 && h <= PRINT_HEIGHT), `${layout.pictures}`)
    for (const h of layout.openings) assert.ok(h > 0 && h <= PRINT_HEIGHT, `a persona's heading and picture take ${h} px`)
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true })
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length
    // 4 sections (pictures and tables) and the survey plan: a few pages each, not one per table.
    assert.ok(pages >= 8 && pages <= 28, `${pages} pages`)
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
