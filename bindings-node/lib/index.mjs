import journeymap from './index.cjs'

export const { JourneyMap, JourneyMapError, validate, schema, scoresSchema, compare, EventLog, Aggregate } = journeymap
export default journeymap
