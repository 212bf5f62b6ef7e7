import journeymap from './index.cjs'

export const { JourneyMap, JourneyMapError, validate, schema, scoresSchema, compare } = journeymap
export default journeymap
