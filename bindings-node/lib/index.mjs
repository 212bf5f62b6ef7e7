import journeymap from './index.cjs'

export const {
  JourneyMap,
  JourneyMapError,
  ValidationError,
  ReadError,
  WriteError,
  ScoringError,
  ConfigError,
  InternalError,
  validate,
  codes,
  schema,
  scoresSchema,
  compare,
} = journeymap
export default journeymap
