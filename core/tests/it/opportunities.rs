//! Opportunities: the hand-computed example of docs/scoring.md §13, predictions against the
//! what-if maps scored on their own (bit for bit), reach against a naive re-solve, what-if
//! provenance, portfolios and the shared opportunity vectors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use crate::common;

use common::{json_files, root};
use journeymap::JourneyMap;
use journeymap::model::{MapState, Outcome, OutcomeKind, Transition, TransitionEffect, XFields};
use journeymap::score::{
    ImpactSource, OpportunityScore, Planner, Prediction, ScoringConfig, ValueEffort, whatif,
};

fn load(path: &str) -> JourneyMap {
    journeymap::io::from_path(root().join(path)).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn config() -> ScoringConfig {
    ScoringConfig::default()
}

fn find<'s>(list: &'s [OpportunityScore], id: &str) -> &'s OpportunityScore {
    list.iter().find(|o| o.opportunity == id).unwrap()
}

/// The maps with opportunities: the worked example and the examples.
fn maps_with_opportunities() -> Vec<JourneyMap> {
    let mut files = json_files("testdata/scoring");
    files.retain(|f| !f.to_string_lossy().contains(".paths"));
    files.extend(json_files("examples"));
    files
        .iter()
        .map(|f| journeymap::io::from_path(f).unwrap())
        .filter(|m| !m.opportunities.is_empty())
        .collect()
}

#[test]
fn worked_example_by_hand() {
    // docs/scoring.md §13.7: P(success) 0.6·0.5 + 0.2·(0.4 + 0.5·0.5) = 0.43; the most likely
    // successful path a, b has the curve 0.5, −0.5 (peak −0.5, end −0.5); health is
    // 100 (0.35 · 0.43 + 0.25 · 0.25) / 0.6 = 35.5.
    let map = load("testdata/scoring/effects.json");
    let scores = map.score(&config());
    assert!(close(scores.overall.success_probability, 0.43));
    assert!(close(scores.overall.health.index, 35.5));
    let list = &scores.opportunities;
    let ranked: Vec<&str> = list.iter().map(|o| o.opportunity.as_str()).collect();
    assert_eq!(
        ranked,
        ["o-warm-call", "o-callback", "o-survey", "o-skip-c"]
    );
    assert_eq!(
        list.iter().map(|o| o.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );

    // b → won 0.7: P = 0.6·0.7 + 0.2·(0.4 + 0.5·0.7) = 0.57; health +100·0.35·0.14/0.6.
    let callback = find(list, "o-callback");
    let p = callback.predicted.as_ref().unwrap();
    assert!(close(p.conversion, 0.14));
    assert!(close(p.health, 100.0 * 0.35 * 0.14 / 0.6));
    assert_eq!(p.peak_end, Some(0.0));
    assert!(close(callback.reach, 0.7)); // h_b = 0.6 + 0.2·0.5
    // 8.17 points over a reach of 0.7 is 11.7 per customer reached: massive (3).
    assert_eq!(callback.rice.impact, Some(3.0));
    assert_eq!(callback.rice.impact_source, Some(ImpactSource::Predicted));
    assert!(close(callback.rice.score.unwrap(), 0.7 * 3.0 * 0.8 / 2.0));
    // Efforts 2, 1, 3, 1: the median is 1.5.
    assert_eq!(callback.quadrant, Some(ValueEffort::BigBet));
    assert_eq!(callback.pains[0].pain, "pain-hold");

    // b's emotion −1 → +1: the curve 0.5, 0.5 has peak-end 0.5 instead of −0.5.
    let warm = find(list, "o-warm-call");
    let p = warm.predicted.as_ref().unwrap();
    assert_eq!(p.conversion, 0.0);
    assert_eq!(p.peak_end, Some(1.0));
    assert!(close(p.health, 100.0 * 0.25 * 0.5 / 0.6));
    assert!(close(warm.rice.score.unwrap(), 0.7 * 3.0 * 0.5 / 1.0));
    assert_eq!(warm.quadrant, Some(ValueEffort::QuickWin));

    // c removed into b: a → b 0.8, P = 0.4.
    let skip = find(list, "o-skip-c");
    let p = skip.predicted.as_ref().unwrap();
    assert!(close(p.conversion, -0.03));
    assert!(close(p.channel_switches, 0.1));
    assert!(close(skip.reach, 0.2));
    assert_eq!(skip.rice.impact, Some(0.0));
    assert_eq!(skip.quadrant, Some(ValueEffort::MoneyPit));

    // No effects: reach of b or c is 0.8 (not 0.7 + 0.2), impact from the declared value 3
    // (medium, 1), confidence 0.5 by default.
    let survey = find(list, "o-survey");
    assert!(survey.predicted.is_none());
    assert!(close(survey.reach, 0.8));
    assert_eq!(survey.rice.impact_source, Some(ImpactSource::Declared));
    assert_eq!(survey.rice.impact, Some(1.0));
    assert_eq!(survey.rice.confidence, 0.5);
    assert!(close(survey.rice.score.unwrap(), 0.4));
    assert_eq!(survey.quadrant, Some(ValueEffort::QuickWin));
    assert!(survey.reasons.iter().any(|r| r.contains("50% assumed")));
}

#[test]
fn worked_example_portfolio() {
    let map = load("testdata/scoring/effects.json");
    let portfolio = map.portfolio(Some(3.0), &config()).unwrap();
    assert_eq!(portfolio.chosen, ["o-warm-call", "o-callback"]);
    assert_eq!(portfolio.effort, 3.0);
    assert!(close(portfolio.steps[0].gain, 100.0 * 0.25 * 0.5 / 0.6));
    assert!(close(portfolio.steps[1].gain, 100.0 * 0.35 * 0.14 / 0.6));
    assert!(close(portfolio.predicted.conversion, 0.14));
    assert!(close(portfolio.predicted.health, 29.0));
    // o-survey has no effects, o-skip-c loses (and no longer fits).
    assert!(
        portfolio
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "JM111")
    );
    // Unlimited: o-skip-c never helps, so it is never chosen.
    let all = map.portfolio(None, &config()).unwrap();
    assert_eq!(all.chosen, ["o-warm-call", "o-callback"]);
    // Effects interact: c removed alone costs 3 points of conversion, with the call-back 1.
    let mut planner = Planner::new(&map, &config());
    let both = planner.predict(&["o-skip-c", "o-callback"]).unwrap();
    let callback = planner.predict(&["o-callback"]).unwrap();
    assert!(close(both.conversion - callback.conversion, -0.01));
}

/// Every predicted figure is the what-if map's own score minus the map's, bit for bit.
fn assert_exact(map: &JourneyMap, ids: &[&str], predicted: &Prediction) {
    let before = map.score(&config());
    let after = map.apply(ids).unwrap().score(&config());
    let (b, a) = (&before.overall, &after.overall);
    let bits = |x: f64| x.to_bits();
    assert_eq!(
        bits(predicted.conversion),
        bits(a.success_probability - b.success_probability),
        "{} {ids:?}",
        map.id
    );
    assert_eq!(
        bits(predicted.effort),
        bits(a.expected_effort - b.expected_effort)
    );
    assert_eq!(
        bits(predicted.channel_switches),
        bits(a.expected_channel_switches - b.expected_channel_switches)
    );
    assert_eq!(
        bits(predicted.handoffs),
        bits(a.expected_handoffs - b.expected_handoffs)
    );
    assert_eq!(
        predicted.peak_end.map(bits),
        a.peak_end.zip(b.peak_end).map(|(x, y)| bits(x - y))
    );
    assert_eq!(
        bits(predicted.health),
        bits(a.health.index - b.health.index)
    );
    for p in &predicted.personas {
        let (x, y) = (
            before.persona(&p.persona).unwrap(),
            after.persona(&p.persona).unwrap(),
        );
        assert_eq!(
            bits(p.conversion),
            bits(y.conversion.success_probability - x.conversion.success_probability)
        );
        assert_eq!(bits(p.health), bits(y.health.index - x.health.index));
    }
}

#[test]
fn predictions_equal_the_what_if_maps_scored_on_their_own() {
    for map in maps_with_opportunities() {
        let scores = map.score(&config());
        for o in &scores.opportunities {
            if let Some(predicted) = &o.predicted {
                assert_exact(&map, &[o.opportunity.as_str()], predicted);
            }
        }
        // Every pair applied together, and the unlimited portfolio.
        let mut planner = Planner::new(&map, &config());
        let ids: Vec<&str> = map.opportunities.iter().map(|o| o.id.as_str()).collect();
        for (k, a) in ids.iter().enumerate() {
            for b in &ids[k + 1..] {
                let predicted = planner.predict(&[*a, *b]).unwrap();
                assert_exact(&map, &[*a, *b], &predicted);
            }
        }
        let portfolio = planner.portfolio(None).unwrap();
        let chosen: Vec<&str> = portfolio.chosen.iter().map(String::as_str).collect();
        assert_exact(&map, &chosen, &portfolio.predicted);
    }
}

#[test]
fn planner_agrees_with_the_scores() {
    for map in maps_with_opportunities() {
        let scores = map.score(&config());
        let (list, _) = Planner::new(&map, &config()).opportunities();
        assert_eq!(list, scores.opportunities);
    }
}

/// P(a journey of `persona` visits one of `ids`), by a re-solve: the moves out of those
/// touchpoints go to a new success outcome, every other outcome fails.
fn naive_reach(map: &JourneyMap, persona: &str, ids: &[String]) -> f64 {
    let mut m = map.clone();
    for o in &mut m.outcomes {
        o.kind = OutcomeKind::Failure;
    }
    m.outcomes.push(Outcome {
        id: "__hit".into(),
        name: "Hit".into(),
        kind: OutcomeKind::Success,
        description: None,
        value: None,
        x: XFields::new(),
    });
    m.transitions.retain(|t| !ids.contains(&t.from));
    for id in ids {
        if let Some(tp) = m.touchpoints.iter_mut().find(|t| &t.id == id) {
            tp.measures.drop_off = None;
            tp.persona_measures
                .values_mut()
                .for_each(|p| p.drop_off = None);
        }
        m.transitions.push(Transition {
            from: id.clone(),
            to: "__hit".into(),
            personas: vec![],
            probability: Some(1.0),
            count: None,
            label: None,
            x: XFields::new(),
        });
    }
    m.opportunities.clear();
    let scores = m.score(&config());
    scores
        .persona(persona)
        .map_or(0.0, |p| p.conversion.success_probability)
}

#[test]
fn reach_equals_a_naive_re_solve() {
    for map in maps_with_opportunities() {
        let scores = map.score(&config());
        for o in &scores.opportunities {
            let opportunity = map
                .opportunities
                .iter()
                .find(|x| x.id == o.opportunity)
                .unwrap();
            let mut ids: Vec<String> = opportunity.touchpoints.clone();
            if let Some(e) = &opportunity.effects {
                ids.extend(e.touchpoints().map(str::to_owned));
            }
            ids.sort();
            ids.dedup();
            let naive: f64 = scores
                .personas
                .iter()
                .map(|p| p.weight * naive_reach(&map, &p.persona, &ids))
                .sum();
            assert!(
                (o.reach - naive).abs() < 1e-9,
                "{} {}: {} vs {naive}",
                map.id,
                o.opportunity,
                o.reach
            );
        }
    }
}

#[test]
fn what_if_records_its_provenance() {
    let map = load("examples/bank-personal-loan.as-is.json");
    let result = whatif(&map, &["opp-prefill", "opp-open-banking"], &config()).unwrap();
    let to_be = &result.map;
    assert_eq!(to_be.state, Some(MapState::ToBe));
    assert_eq!(to_be.id, "bank-personal-loan-to-be");
    assert_eq!(
        to_be.metadata.based_on.as_deref(),
        Some("bank-personal-loan-as-is")
    );
    assert_eq!(
        to_be.metadata.applied_opportunities,
        ["opp-open-banking", "opp-prefill"]
    );
    for id in ["opp-prefill", "opp-open-banking"] {
        let o = to_be.opportunities.iter().find(|o| o.id == id).unwrap();
        assert!(o.effects.is_none(), "{id} keeps its effects");
    }
    // The status tracker, not applied, keeps its effects.
    assert!(
        to_be
            .opportunities
            .iter()
            .any(|o| o.id == "opp-status-tracker" && o.has_effects())
    );
    // paper-docs is gone; the advisor's move into it now goes to doc-upload (0.7 + 0.2).
    assert!(to_be.touchpoints.iter().all(|t| t.id != "paper-docs"));
    let advisor = to_be
        .transitions
        .iter()
        .find(|t| t.from == "advisor-meeting" && t.to == "doc-upload")
        .unwrap();
    assert_eq!(advisor.probability, Some(0.9));
    assert!(
        to_be
            .transitions
            .iter()
            .all(|t| t.from != "paper-docs" && t.to != "paper-docs")
    );
    // The to-be map is a valid map on its own, and the comparison is the diff of the two.
    let report = journeymap::validate::validate_map(to_be);
    assert!(report.is_valid(), "{:?}", report.diagnostics);
    assert_eq!(result.comparison.removed, ["paper-docs"]);
    assert!(result.comparison.conversion.change.unwrap() > 0.0);
    assert!(result.diagnostics.is_empty());
    // Applying nothing changes nothing but the provenance.
    let same = map.apply::<&str>(&[]).unwrap();
    assert_eq!(same.touchpoints, map.touchpoints);
    assert_eq!(same.transitions, map.transitions);
}

#[test]
fn calls_refuse_unknown_ids_and_bad_budgets() {
    let map = load("testdata/scoring/effects.json");
    let err = map.apply(&["nope"]).unwrap_err();
    assert_eq!(err.code().as_str(), "JM110");
    for budget in [-1.0, f64::NAN, f64::INFINITY] {
        let err = map.portfolio(Some(budget), &config()).unwrap_err();
        assert_eq!(err.code().as_str(), "JM109");
    }
    let err = Planner::new(&map, &config())
        .predict(&["nope"])
        .unwrap_err();
    assert_eq!(err.code().as_str(), "JM110");
    assert_eq!(map.portfolio(Some(0.0), &config()).unwrap().chosen.len(), 0);
}

#[test]
fn opportunities_with_broken_effects_are_diagnostics_not_failures() {
    // A map built in code whose effects name nothing: not predicted (JM108), RICE from the
    // declared value, left out of portfolios.
    let mut map = load("testdata/scoring/effects.json");
    let effects = map.opportunities[0].effects.as_mut().unwrap();
    effects.transitions[0].from = "nowhere".into();
    let scores = map.score(&config());
    let callback = find(&scores.opportunities, "o-callback");
    assert!(callback.predicted.is_none());
    assert_eq!(callback.rice.impact_source, Some(ImpactSource::Declared));
    assert!(
        scores
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "JM108")
    );
    let portfolio = map.portfolio(None, &config()).unwrap();
    assert!(!portfolio.chosen.contains(&"o-callback".to_owned()));
}

#[test]
fn combined_effects_that_name_what_another_removed_are_skipped() {
    // o-skip-c removes c; an opportunity that changes a move out of c is skipped when both are
    // applied, and dropped from the what-if map when only the removal is applied.
    let mut map = load("testdata/scoring/effects.json");
    let mut extra = map.opportunities[0].clone();
    extra.id = "o-z-c-faster".into();
    let effect = |to: &str, p: f64| TransitionEffect {
        from: "c".into(),
        to: to.into(),
        personas: vec![],
        probability: Some(p),
        count: None,
        label: None,
        x: XFields::new(),
    };
    extra.effects.as_mut().unwrap().transitions = vec![effect("won", 0.45), effect("lost", 0.05)];
    map.opportunities.push(extra);
    assert!(journeymap::validate::validate_map(&map).is_valid());
    let result = whatif(&map, &["o-skip-c"], &config()).unwrap();
    assert!(
        result
            .diagnostics
            .iter()
            .all(|d| d.code.as_str() == "JM112")
    );
    assert_eq!(result.diagnostics.len(), 2);
    let kept = result
        .map
        .opportunities
        .iter()
        .find(|o| o.id == "o-z-c-faster")
        .unwrap();
    assert!(!kept.has_effects() || kept.effects.as_ref().unwrap().transitions.is_empty());
    assert!(journeymap::validate::validate_map(&result.map).is_valid());
}

#[test]
fn shared_opportunity_vectors() {
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/opportunities/plans.json")).unwrap(),
    )
    .unwrap();
    for plan in spec["plans"].as_array().unwrap() {
        let path = plan["map"].as_str().unwrap();
        let map = load(path);
        let stem = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let expected = |suffix: &str| {
            std::fs::read_to_string(root().join(format!(
                "testdata/opportunities/expected/{stem}.{suffix}.json"
            )))
            .unwrap()
        };
        let portfolio = map.portfolio(plan["budget"].as_f64(), &config()).unwrap();
        assert_eq!(
            serde_json::to_string_pretty(&portfolio).unwrap() + "\n",
            expected("portfolio")
        );
        let ids: Vec<String> = serde_json::from_value(plan["apply"].clone()).unwrap();
        let to_be = map.apply(&ids).unwrap();
        assert_eq!(
            journeymap::io::to_string_pretty(&to_be).unwrap() + "\n",
            expected("to-be")
        );
    }
}
