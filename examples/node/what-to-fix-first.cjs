// What to fix first: the bank's opportunities ranked with the journey model, the portfolio
// within a budget of 10, and the to-be map of the choice.
// Run from the repository root: node examples/node/what-to-fix-first.cjs
const { readFileSync } = require('node:fs')
const { JourneyMap, compare } = require('../../bindings-node/lib/index.cjs')

const map = JourneyMap.fromJson(readFileSync('examples/bank-personal-loan.as-is.json', 'utf8'))
for (const o of map.score().opportunities) {
  const predicted = o.predicted ? `conversion ${(o.predicted.conversion * 100).toFixed(1)} pt` : 'not predicted'
  console.log(o.rank, o.opportunity, o.quadrant, `RICE ${o.rice.score?.toFixed(3)}`, predicted)
  console.log('   ', o.reasons.join('; '))
}
const plan = map.portfolio(10)
console.log('portfolio:', plan.chosen.join(', '), 'effort', plan.effort)
const diff = compare(map, map.apply(plan.chosen))
console.log(`to-be conversion ${(diff.conversion.before * 100).toFixed(1)}% -> ${(diff.conversion.after * 100).toFixed(1)}%`)
