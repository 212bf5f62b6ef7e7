import journeymap from './index.cjs'

export const { JourneyMap, JourneyMapError, validate, schema, scoresSchema, compare, fromMermaid, fromCsv } = journeymap
export default journeymap
