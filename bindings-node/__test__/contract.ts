// Checked by tsc (tsconfig.json). lib/index.cjs is type-checked against index.d.ts, which
// `napi build` generates from the Rust code; here its inferred types must be identical to the
// hand-written declarations in lib/index.d.ts, so that neither can drift silently.
import type * as Declared from '../lib/index'
import type * as Impl from '../lib/index.cjs'
import type * as Esm from '../lib/index.mjs'

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Assert<T extends true> = T
type Statics<C> = Omit<C, 'prototype'>

export type Contract = [
  Assert<Equals<keyof typeof Impl, keyof typeof Declared>>,
  Assert<Equals<Exclude<keyof typeof Esm, 'default'>, keyof typeof Declared>>,
  Assert<Equals<typeof Impl.validate, typeof Declared.validate>>,
  Assert<Equals<typeof Impl.schema, typeof Declared.schema>>,
  Assert<Equals<typeof Impl.scoresSchema, typeof Declared.scoresSchema>>,
  Assert<Equals<typeof Impl.compare, typeof Declared.compare>>,
  Assert<Equals<typeof Impl.fromMermaid, typeof Declared.fromMermaid>>,
  Assert<Equals<typeof Impl.fromCsv, typeof Declared.fromCsv>>,
  Assert<Equals<Impl.JourneyMap, Declared.JourneyMap>>,
  Assert<Equals<Statics<typeof Impl.JourneyMap>, Statics<typeof Declared.JourneyMap>>>,
  Assert<Equals<typeof Impl.codes, typeof Declared.codes>>,
  Assert<Equals<Impl.JourneyMapError, Declared.JourneyMapError>>,
  Assert<Equals<ConstructorParameters<typeof Impl.JourneyMapError>, ConstructorParameters<typeof Declared.JourneyMapError>>>,
  Assert<Equals<Impl.ValidationError, Declared.ValidationError>>,
  Assert<Equals<Impl.ReadError, Declared.ReadError>>,
  Assert<Equals<Impl.WriteError, Declared.WriteError>>,
  Assert<Equals<Impl.ScoringError, Declared.ScoringError>>,
  Assert<Equals<Impl.ConfigError, Declared.ConfigError>>,
  Assert<Equals<Impl.RenderError, Declared.RenderError>>,
  Assert<Equals<ConstructorParameters<typeof Impl.RenderError>, ConstructorParameters<typeof Declared.RenderError>>>,
  Assert<Equals<Impl.EventLogError, Declared.EventLogError>>,
  Assert<Equals<ConstructorParameters<typeof Impl.EventLogError>, ConstructorParameters<typeof Declared.EventLogError>>>,
  Assert<Equals<Impl.InternalError, Declared.InternalError>>,
  Assert<Equals<ConstructorParameters<typeof Impl.InternalError>, ConstructorParameters<typeof Declared.InternalError>>>,
  Assert<Equals<typeof Esm.JourneyMap, typeof Impl.JourneyMap>>,
  Assert<Equals<typeof Esm.validate, typeof Impl.validate>>,
  Assert<Equals<InstanceType<typeof Impl.EventLog>, Declared.EventLog>>,
  Assert<Equals<Statics<typeof Impl.EventLog>, Statics<typeof Declared.EventLog>>>,
  Assert<Equals<InstanceType<typeof Impl.Aggregate>, Declared.Aggregate>>,
  Assert<Equals<Statics<typeof Impl.Aggregate>, Statics<typeof Declared.Aggregate>>>,
]
