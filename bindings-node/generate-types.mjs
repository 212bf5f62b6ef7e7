// Generates lib/map-types.d.ts and lib/scores-types.d.ts from the published JSON Schemas, so the
// TypeScript interfaces cannot drift from the Rust types: `node generate-types.mjs`.
import { writeFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { compile } from 'json-schema-to-typescript'

const require = createRequire(import.meta.url)
const { scoresSchema: readScoresSchema } = require('./lib/index.cjs')
const options = { bannerComment: '/* Generated from the journeymap JSON Schemas by generate-types.mjs; do not edit. */', unreachableDefinitions: true, additionalProperties: false, style: { singleQuote: true, semi: false } }

const mapSchema = JSON.parse(readFileSync(new URL('../schema/journey-map.schema.json', import.meta.url), 'utf8'))
mapSchema.title = 'JourneyMapDocument'
writeFileSync(new URL('./lib/map-types.d.ts', import.meta.url), await compile(mapSchema, 'JourneyMapDocument', options))

const scoresSchema = readScoresSchema()
scoresSchema.title = 'ScoresSchema'
writeFileSync(new URL('./lib/scores-types.d.ts', import.meta.url), await compile(scoresSchema, 'ScoresSchema', options))
