// Generates lib/map-types.d.ts and lib/scores-types.d.ts from the published JSON Schemas
// (schema/*.schema.json), so the TypeScript interfaces cannot drift from the Rust types. Run by
// scripts/codegen.sh; needs no built addon.
import { writeFileSync, readFileSync } from 'node:fs'
import { compile } from 'json-schema-to-typescript'

const options = { bannerComment: '/* Generated from the journeymap JSON Schemas by generate-types.mjs; do not edit. */', unreachableDefinitions: true, additionalProperties: false, style: { singleQuote: true, semi: false } }
const read = (name) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8'))

const mapSchema = read('journey-map.schema.json')
mapSchema.title = 'JourneyMapDocument'
writeFileSync(new URL('./lib/map-types.d.ts', import.meta.url), await compile(mapSchema, 'JourneyMapDocument', options))

const scoresSchema = read('scores.schema.json')
scoresSchema.title = 'ScoresSchema'
writeFileSync(new URL('./lib/scores-types.d.ts', import.meta.url), await compile(scoresSchema, 'ScoresSchema', options))
