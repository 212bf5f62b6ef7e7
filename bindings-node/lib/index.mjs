// The ESM entry point: the names of lib/index.cjs (Node reads them from its `module.exports`).
import journeymap from './index.cjs'

export * from './index.cjs'
export default journeymap
