//! Properties of predictions, what-if maps and portfolios on random journey graphs (loops,
//! dead ends, drop-off, counted and uniform moves) with random opportunities.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use journeymap::JourneyMap;
use journeymap::model::effects;
use journeymap::score::{Planner, Prediction, Scores, ScoringConfig};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Weights of one move: 0 an explicit probability, 1 a count, 2 neither (a uniform share).
type MoveSeed = (usize, u32, u8);
/// Stage, emotion, effort, expected emotion, drop-off.
type TouchpointSeed = (usize, f64, f64, f64, Option<f64>);

/// A random map: `n` touchpoints over 3 stages, each with up to 3 moves to touchpoints or
/// outcomes, weighted by probability, count or nothing, some with a drop-off; two personas.
fn random_map() -> impl Strategy<Value = Value> {
    (2usize..8)
        .prop_flat_map(|n| {
            (
                Just(n),
                prop::collection::vec(
                    (
                        0usize..3,
                        -2.0f64..=2.0,
                        1.0f64..=7.0,
                        -2.0f64..=2.0,
                        prop::option::of(0.0f64..0.5),
                    ),
                    n,
                ),
                prop::collection::vec(
                    prop::collection::vec((0usize..n + 2, 1u32..10, 0u8..3), 1..4),
                    n,
                ),
                0.1f64..0.9,
            )
        })
        .prop_map(|(n, tps, moves, share)| build(n, &tps, &moves, share))
}

fn build(n: usize, tps: &[TouchpointSeed], moves: &[Vec<MoveSeed>], share: f64) -> Value {
    let touchpoints: Vec<Value> = tps
        .iter()
        .enumerate()
        .map(|(i, &(stage, emotion, effort, expected, drop))| {
            let mut measures = json!({"emotion": emotion, "effort": effort, "expected_emotion": expected});
            if let Some(d) = drop {
                measures["drop_off"] = json!(d);
            }
            json!({"id": format!("t{i}"), "name": format!("T{i}"), "stage": format!("s{stage}"),
                   "channel": if i % 2 == 0 { "web" } else { "phone" }, "owner": format!("team{}", i % 3),
                   "measures": measures})
        })
        .collect();
    let mut transitions = Vec::new();
    for (i, out) in moves.iter().enumerate() {
        let room = 1.0 - tps[i].4.unwrap_or(0.0);
        let total: u32 = out.iter().map(|m| m.1).sum();
        for &(target, weight, kind) in out {
            let to = match target {
                t if t < n => format!("t{t}"),
                t if t == n => "won".to_owned(),
                _ => "lost".to_owned(),
            };
            let mut t = json!({"from": format!("t{i}"), "to": to});
            match kind {
                0 => t["probability"] = json!(room * f64::from(weight) / f64::from(total)),
                1 => t["count"] = json!(weight),
                _ => {}
            }
            transitions.push(t);
        }
    }
    json!({
        "format_version": "1.0", "id": "random", "title": "Random",
        "personas": [{"id": "pa", "name": "A", "share": share}, {"id": "pb", "name": "B", "share": 1.0 - share}],
        "channels": [{"id": "web", "name": "Web", "kind": "digital"}, {"id": "phone", "name": "Phone", "kind": "human"}],
        "stages": [{"id": "s0", "name": "S0", "order": 0}, {"id": "s1", "name": "S1", "order": 1}, {"id": "s2", "name": "S2", "order": 2}],
        "touchpoints": touchpoints, "transitions": transitions,
        "entries": [{"touchpoint": "t0", "personas": ["pa"]}, {"touchpoint": format!("t{}", n - 1), "personas": ["pb"], "probability": 0.5}, {"touchpoint": "t0", "personas": ["pb"], "probability": 0.5}],
        "outcomes": [{"id": "won", "name": "Won", "kind": "success"}, {"id": "lost", "name": "Lost", "kind": "failure"}]
    })
}

/// One random effect on a map with `n` touchpoints: new measures, a new drop-off, a counted
/// move, or a removed touchpoint.
fn effect_of(n: usize, (kind, a, b, x): (u8, usize, usize, f64)) -> Value {
    let (a, b) = (a % n, b % n);
    match kind {
        0 => {
            json!({"measures": [{"touchpoint": format!("t{a}"), "measures": {"emotion": 4.0 * x - 2.0, "effort": 1.0 + 6.0 * x}}]})
        }
        1 => {
            json!({"measures": [{"touchpoint": format!("t{a}"), "personas": ["pb"], "measures": {"drop_off": x * 0.5}}]})
        }
        2 => {
            json!({"transitions": [{"from": format!("t{a}"), "to": if b % 2 == 0 { "won" } else { "lost" }, "count": 1.0 + 9.0 * x}]})
        }
        _ if a != b => {
            json!({"removed_touchpoints": [{"touchpoint": format!("t{a}"), "redirect_to": format!("t{b}")}]})
        }
        _ => json!({"measures": [{"touchpoint": format!("t{a}"), "measures": {"emotion": 1.0}}]}),
    }
}

type OpportunitySeed = (u8, usize, usize, f64, f64);

fn with_opportunities(mut value: Value, seeds: &[OpportunitySeed]) -> Value {
    let n = value["touchpoints"].as_array().unwrap().len();
    value["opportunities"] = seeds
        .iter()
        .enumerate()
        .map(|(k, &(kind, a, b, x, effort))| {
            json!({"id": format!("o{k}"), "title": format!("O{k}"), "effort": effort,
                   "effects": effect_of(n, (kind, a, b, x))})
        })
        .collect();
    value
}

fn map(value: &Value) -> JourneyMap {
    serde_json::from_value(value.clone()).unwrap()
}

fn config() -> ScoringConfig {
    ScoringConfig::default()
}

fn is_zero(p: &Prediction) -> bool {
    let zero = |v: f64| v == 0.0;
    zero(p.conversion)
        && zero(p.effort)
        && zero(p.channel_switches)
        && zero(p.handoffs)
        && p.peak_end.is_none_or(zero)
        && zero(p.health)
        && p.personas.iter().all(|q| {
            zero(q.conversion)
                && zero(q.effort)
                && zero(q.channel_switches)
                && zero(q.handoffs)
                && q.peak_end.is_none_or(zero)
                && zero(q.health)
        })
}

/// The scores without what opportunities add (their list, and the diagnostics about them).
fn journey_scores(s: &Scores) -> String {
    let mut v = serde_json::to_value(s).unwrap();
    v["opportunities"] = Value::Null;
    v["map"] = Value::Null;
    v["diagnostics"]
        .as_array_mut()
        .unwrap()
        .retain(|d| !d["path"].as_str().unwrap().starts_with("/opportunities"));
    serde_json::to_string(&v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn an_opportunity_without_effects_predicts_no_change(value in random_map(), k in 1usize..4) {
        let mut value = value;
        value["opportunities"] = (0..k)
            .map(|i| json!({"id": format!("o{i}"), "title": "No effects", "touchpoints": ["t0"], "value": 3, "effort": 1}))
            .collect();
        let m = map(&value);
        let ids: Vec<String> = m.opportunities.iter().map(|o| o.id.clone()).collect();
        let mut planner = Planner::new(&m, &config());
        prop_assert!(is_zero(&planner.predict(&ids).unwrap()));
        let empty = json!({"id": "empty", "title": "Empty effects", "effects": {}});
        value["opportunities"].as_array_mut().unwrap().push(empty);
        let m = map(&value);
        prop_assert!(is_zero(&Planner::new(&m, &config()).predict(&["empty"]).unwrap()));
        prop_assert!(m.score(&config()).opportunities.iter().all(|o| o.predicted.is_none()));
    }

    #[test]
    fn lowering_a_drop_off_never_lowers_conversion(value in random_map(), at in 0usize..8, factor in 0.0f64..1.0, everyone in any::<bool>()) {
        let m = map(&value);
        let at = at % m.touchpoints.len();
        let tp = &m.touchpoints[at];
        let current = tp.measures.drop_off.unwrap_or(0.0);
        let mut value = value;
        let personas = if everyone { json!([]) } else { json!(["pa"]) };
        value["opportunities"] = json!([{"id": "lower", "title": "Lower the drop-off",
            "effects": {"measures": [{"touchpoint": tp.id, "personas": personas, "measures": {"drop_off": current * factor}}]}}]);
        let m = map(&value);
        let predicted = Planner::new(&m, &config()).predict(&["lower"]).unwrap();
        // Rounding of the two factorizations aside (1e-12), conversion cannot fall: the
        // probability freed goes to the moves without explicit probability, or is abandonment
        // as before.
        prop_assert!(predicted.conversion >= -1e-12, "{}", predicted.conversion);
        for p in &predicted.personas {
            prop_assert!(p.conversion >= -1e-12, "{} {}", p.persona, p.conversion);
        }
    }

    #[test]
    fn applying_effects_then_removing_them_gives_the_original_scores(
        value in random_map(),
        seeds in prop::collection::vec((0u8..4, 0usize..8, 0usize..8, 0.0f64..1.0, 0.0f64..5.0), 1..4),
        at in 0usize..8,
        x in 0.0f64..1.0,
    ) {
        // Predictions: after any set, the empty set is the as-is map again, bit for bit.
        let value = with_opportunities(value, &seeds);
        let m = map(&value);
        let ids: Vec<String> = m.opportunities.iter().map(|o| o.id.clone()).collect();
        let mut planner = Planner::new(&m, &config());
        planner.predict(&ids).unwrap();
        prop_assert!(is_zero(&planner.predict::<String>(&[]).unwrap()));

        // Documents: new measures and a new move probability, then effects that put the old
        // values back, give the scores of the original map.
        let tp = &m.touchpoints[at % m.touchpoints.len()];
        // A move given by one transition (the effects cannot bring back two parallel ones).
        let single = |t: &&journeymap::model::Transition| {
            m.transitions.iter().filter(|u| u.from == t.from && u.to == t.to).count() == 1
        };
        let moved = m.transitions.iter().filter(single).find(|t| t.probability.is_some()).cloned();
        let mut forward = json!({"measures": [{"touchpoint": tp.id, "measures": {"emotion": 4.0 * x - 2.0, "effort": 1.0 + 6.0 * x}}]});
        let mut back = json!({"measures": [{"touchpoint": tp.id, "measures": {"emotion": tp.measures.emotion, "effort": tp.measures.effort}}]});
        if let Some(t) = &moved {
            forward["transitions"] = json!([{"from": t.from, "to": t.to, "probability": t.probability.unwrap() * x}]);
            back["transitions"] = json!([{"from": t.from, "to": t.to, "probability": t.probability}]);
        }
        let mut value = value;
        value["opportunities"] = json!([{"id": "forward", "title": "F", "effects": forward}, {"id": "back", "title": "B", "effects": back}]);
        let m = map(&value);
        let original = m.score(&config());
        let changed = effects::apply(&m, &[0]).map;
        let restored = effects::apply(&changed, &[1]).map;
        prop_assert_eq!(journey_scores(&restored.score(&config())), journey_scores(&original));
    }

    #[test]
    fn a_portfolio_never_exceeds_its_budget(
        value in random_map(),
        seeds in prop::collection::vec((0u8..4, 0usize..8, 0usize..8, 0.0f64..1.0, 0.0f64..5.0), 0..6),
        budget in 0.0f64..12.0,
    ) {
        let m = map(&with_opportunities(value, &seeds));
        let portfolio = m.portfolio(Some(budget), &config()).unwrap();
        prop_assert!(portfolio.effort <= budget, "{} > {budget}", portfolio.effort);
        let spent: f64 = portfolio.steps.iter().map(|s| s.effort).sum();
        prop_assert!((spent - portfolio.effort).abs() < 1e-9);
        prop_assert!(portfolio.steps.iter().all(|s| s.gain > 0.0));
        let mut chosen = portfolio.chosen.clone();
        chosen.sort();
        chosen.dedup();
        prop_assert_eq!(chosen.len(), portfolio.chosen.len());
        // Its predicted change is the what-if map's, scored on its own.
        let after = m.apply(&portfolio.chosen).unwrap().score(&config());
        let before = m.score(&config());
        prop_assert_eq!(
            portfolio.predicted.conversion.to_bits(),
            (after.overall.success_probability - before.overall.success_probability).to_bits()
        );
    }
}
