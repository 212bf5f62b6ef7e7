//! Semantic rules: what the schema cannot say (references, scales, the journey graph).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::codes;
use super::diagnostic::{Code, Diagnostic, Severity, escape_pointer_token};
use crate::model::{
    GraphEdge, GraphNode, JourneyMap, MapState, MapView, Measures, OutcomeKind, PersonaGraph,
    Scale, Visibility, XFields,
};

/// Tolerance for sums of probabilities.
const EPS: f64 = 1e-9;

/// What to check besides the rules every map gets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Report non-`x-` keys kept in `x` maps (only for maps built in code: raw JSON gets JM013
    /// from the schema instead).
    pub unknown_fields: bool,
}

struct Sink {
    out: Vec<Diagnostic>,
}

impl Sink {
    fn add(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        let severity = codes::CODES
            .iter()
            .find(|c| c.code == code)
            .map_or(Severity::Error, |c| c.severity);
        self.out
            .push(Diagnostic::new(code, severity, path, message));
    }
}

fn esc(s: &str) -> String {
    escape_pointer_token(s)
}

/// Runs every semantic rule on `map`.
pub(crate) fn check(map: &JourneyMap, options: Options) -> Vec<Diagnostic> {
    let mut sink = Sink { out: Vec::new() };
    format_version(map, &mut sink);
    duplicate_ids(map, &mut sink);
    numbers(map, &mut sink);
    references(map, &mut sink);
    misc(map, &mut sink);
    if options.unknown_fields {
        unknown_fields(map, &mut sink);
    }
    graph_rules(map, &mut sink);
    sink.out
}

fn format_version(map: &JourneyMap, sink: &mut Sink) {
    let v = map.format_version.trim();
    let (major, minor) = v.split_once('.').unwrap_or((v, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if major == "1" && digits(minor) {
        if minor.trim_start_matches('0').is_empty() {
            return;
        }
        sink.add(
            codes::NEWER_MINOR_VERSION,
            "/format_version",
            format!("format version \"{v}\" is newer than 1.0; fields it adds may be reported as unknown"),
        );
    } else {
        sink.add(
            codes::UNSUPPORTED_VERSION,
            "/format_version",
            format!("format version \"{v}\" is not supported; expected \"1.0\""),
        );
    }
}

fn duplicate_ids(map: &JourneyMap, sink: &mut Sink) {
    fn check<'a>(
        seen: &mut HashMap<&'a str, String>,
        id: &'a str,
        path: String,
        kind: &str,
        sink: &mut Sink,
    ) {
        if let Some(first) = seen.get(id) {
            sink.add(
                codes::DUPLICATE_ID,
                path,
                format!("{kind} id \"{id}\" is already used at {first}"),
            );
        } else {
            seen.insert(id, path.trim_end_matches("/id").to_owned());
        }
    }
    let mut seen = HashMap::new();
    for (i, p) in map.personas.iter().enumerate() {
        check(
            &mut seen,
            &p.id,
            format!("/personas/{i}/id"),
            "persona",
            sink,
        );
    }
    let mut seen = HashMap::new();
    for (i, c) in map.channels.iter().enumerate() {
        check(
            &mut seen,
            &c.id,
            format!("/channels/{i}/id"),
            "channel",
            sink,
        );
    }
    let mut seen = HashMap::new();
    for (i, s) in map.stages.iter().enumerate() {
        check(&mut seen, &s.id, format!("/stages/{i}/id"), "stage", sink);
    }
    let mut seen = HashMap::new();
    for (i, t) in map.touchpoints.iter().enumerate() {
        check(
            &mut seen,
            &t.id,
            format!("/touchpoints/{i}/id"),
            "touchpoint",
            sink,
        );
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        check(
            &mut seen,
            &o.id,
            format!("/outcomes/{i}/id"),
            "outcome",
            sink,
        );
    }
    let mut seen = HashMap::new();
    for (i, o) in map.opportunities.iter().enumerate() {
        check(
            &mut seen,
            &o.id,
            format!("/opportunities/{i}/id"),
            "opportunity",
            sink,
        );
    }
    let mut seen = HashMap::new();
    for (i, t) in map.touchpoints.iter().enumerate() {
        for (list, notes) in [("pains", &t.pains), ("gains", &t.gains)] {
            for (j, n) in notes.iter().enumerate() {
                if let Some(id) = &n.id {
                    check(
                        &mut seen,
                        id,
                        format!("/touchpoints/{i}/{list}/{j}/id"),
                        "pain/gain",
                        sink,
                    );
                }
            }
        }
    }
}

fn numbers(map: &JourneyMap, sink: &mut Sink) {
    let finite = |sink: &mut Sink, path: String, v: Option<f64>| {
        if let Some(v) = v.filter(|v| !v.is_finite()) {
            sink.add(
                codes::NON_FINITE,
                path,
                format!("{v} is not a finite number"),
            );
        }
    };
    // Scales: declared bounds must be finite with min < max.
    let s = &map.scales;
    let mut valid = HashMap::new();
    let declared: [(&str, Option<(f64, f64)>); 4] = [
        ("emotion", s.emotion.as_ref().map(|x| (x.min, x.max))),
        ("effort", s.effort.as_ref().map(|x| (x.min, x.max))),
        ("importance", s.importance.as_ref().map(|x| (x.min, x.max))),
        (
            "satisfaction",
            s.satisfaction.as_ref().map(|x| (x.min, x.max)),
        ),
    ];
    for (name, bounds) in declared {
        let Some((min, max)) = bounds else {
            valid.insert(name, true);
            continue;
        };
        let ok = Scale::new(min, max).is_valid();
        valid.insert(name, ok);
        if !ok {
            sink.add(
                codes::INVALID_SCALE,
                format!("/scales/{name}"),
                format!(
                    "the {name} scale must have finite bounds with min < max (min {min}, max {max})"
                ),
            );
        }
    }
    for (i, p) in map.personas.iter().enumerate() {
        finite(sink, format!("/personas/{i}/share"), p.share);
    }
    for (i, st) in map.stages.iter().enumerate() {
        for (k, kpi) in st.kpis.iter().enumerate() {
            finite(sink, format!("/stages/{i}/kpis/{k}/target"), kpi.target);
            finite(sink, format!("/stages/{i}/kpis/{k}/actual"), kpi.actual);
        }
    }
    let scales: [(&str, &str, Scale); 5] = [
        ("emotion", "emotion", s.emotion()),
        ("expected_emotion", "emotion", s.emotion()),
        ("effort", "effort", s.effort().bounds()),
        ("importance", "importance", s.importance()),
        ("satisfaction", "satisfaction", s.satisfaction()),
    ];
    let measures = |sink: &mut Sink, base: String, m: &Measures| {
        for (field, value) in m.fields() {
            let Some(v) = value else { continue };
            if !v.is_finite() {
                sink.add(
                    codes::NON_FINITE,
                    format!("{base}/{field}"),
                    format!("{v} is not a finite number"),
                );
                continue;
            }
            if let Some((_, scale_name, scale)) = scales.iter().find(|(f, _, _)| *f == field)
                && valid.get(scale_name).copied().unwrap_or(true)
                && !scale.contains(v)
            {
                sink.add(
                    codes::OUTSIDE_SCALE,
                    format!("{base}/{field}"),
                    format!(
                        "{field} {v} is outside the {scale_name} scale {}..{}",
                        scale.min, scale.max
                    ),
                );
            }
        }
    };
    for (i, t) in map.touchpoints.iter().enumerate() {
        measures(sink, format!("/touchpoints/{i}/measures"), &t.measures);
        for (persona, m) in &t.persona_measures {
            measures(
                sink,
                format!("/touchpoints/{i}/persona_measures/{}", esc(persona)),
                m,
            );
        }
        if let Some(survey) = &t.survey {
            finite(
                sink,
                format!("/touchpoints/{i}/survey/sample_rate"),
                survey.sample_rate,
            );
        }
    }
    for (i, t) in map.transitions.iter().enumerate() {
        finite(sink, format!("/transitions/{i}/probability"), t.probability);
        finite(sink, format!("/transitions/{i}/count"), t.count);
    }
    for (i, e) in map.entries.iter().enumerate() {
        finite(sink, format!("/entries/{i}/probability"), e.probability);
        finite(sink, format!("/entries/{i}/count"), e.count);
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        finite(sink, format!("/outcomes/{i}/value"), o.value);
    }
    for (i, o) in map.opportunities.iter().enumerate() {
        finite(sink, format!("/opportunities/{i}/value"), o.value);
        finite(sink, format!("/opportunities/{i}/effort"), o.effort);
        finite(sink, format!("/opportunities/{i}/confidence"), o.confidence);
    }
    let shares: f64 = map
        .personas
        .iter()
        .filter_map(|p| p.share)
        .filter(|s| s.is_finite())
        .sum();
    if shares > 1.0 + EPS {
        sink.add(
            codes::SHARES_OVER_ONE,
            "/personas",
            format!("persona shares sum to {shares}, more than 1 (the whole customer base)"),
        );
    }
}

fn references(map: &JourneyMap, sink: &mut Sink) {
    let index = map.index();
    let persona_refs = |sink: &mut Sink, base: String, personas: &[String]| {
        for (j, p) in personas.iter().enumerate() {
            if index.persona(p).is_none() {
                sink.add(
                    codes::UNKNOWN_PERSONA,
                    format!("{base}/{j}"),
                    format!("no persona has id \"{p}\""),
                );
            }
        }
    };
    for (i, p) in map.personas.iter().enumerate() {
        for (j, c) in p.preferred_channels.iter().enumerate() {
            if index.channel(c).is_none() {
                sink.add(
                    codes::UNKNOWN_CHANNEL,
                    format!("/personas/{i}/preferred_channels/{j}"),
                    format!("no channel has id \"{c}\""),
                );
            }
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        if index.stage(&t.stage).is_none() {
            sink.add(
                codes::UNKNOWN_STAGE,
                format!("/touchpoints/{i}/stage"),
                format!("no stage has id \"{}\"", t.stage),
            );
        }
        if index.channel(&t.channel).is_none() {
            sink.add(
                codes::UNKNOWN_CHANNEL,
                format!("/touchpoints/{i}/channel"),
                format!("no channel has id \"{}\"", t.channel),
            );
        }
        persona_refs(sink, format!("/touchpoints/{i}/personas"), &t.personas);
        for persona in t.persona_measures.keys() {
            if index.persona(persona).is_none() {
                sink.add(
                    codes::UNKNOWN_PERSONA,
                    format!("/touchpoints/{i}/persona_measures/{}", esc(persona)),
                    format!("no persona has id \"{persona}\""),
                );
            }
        }
    }
    for (i, t) in map.transitions.iter().enumerate() {
        if index.touchpoint(&t.from).is_none() {
            if index.outcome(&t.from).is_some() {
                sink.add(
                    codes::TRANSITION_FROM_OUTCOME,
                    format!("/transitions/{i}/from"),
                    format!("\"{}\" is an outcome; nothing leaves an outcome", t.from),
                );
            } else {
                sink.add(
                    codes::UNKNOWN_TOUCHPOINT,
                    format!("/transitions/{i}/from"),
                    format!("no touchpoint has id \"{}\"", t.from),
                );
            }
        }
        if index.touchpoint(&t.to).is_none() && index.outcome(&t.to).is_none() {
            sink.add(
                codes::UNKNOWN_TARGET,
                format!("/transitions/{i}/to"),
                format!("no touchpoint or outcome has id \"{}\"", t.to),
            );
        }
        persona_refs(sink, format!("/transitions/{i}/personas"), &t.personas);
    }
    for (i, e) in map.entries.iter().enumerate() {
        if index.touchpoint(&e.touchpoint).is_none() {
            sink.add(
                codes::UNKNOWN_TOUCHPOINT,
                format!("/entries/{i}/touchpoint"),
                format!("no touchpoint has id \"{}\"", e.touchpoint),
            );
        }
        persona_refs(sink, format!("/entries/{i}/personas"), &e.personas);
    }
    let pains: HashSet<&str> = map
        .touchpoints
        .iter()
        .flat_map(|t| t.pains.iter().filter_map(|n| n.id.as_deref()))
        .collect();
    for (i, o) in map.opportunities.iter().enumerate() {
        for (j, t) in o.touchpoints.iter().enumerate() {
            if index.touchpoint(t).is_none() {
                sink.add(
                    codes::UNKNOWN_TOUCHPOINT,
                    format!("/opportunities/{i}/touchpoints/{j}"),
                    format!("no touchpoint has id \"{t}\""),
                );
            }
        }
        for (j, p) in o.pains.iter().enumerate() {
            if !pains.contains(p.as_str()) {
                sink.add(
                    codes::UNKNOWN_PAIN,
                    format!("/opportunities/{i}/pains/{j}"),
                    format!("no pain has id \"{p}\""),
                );
            }
        }
    }
}

fn misc(map: &JourneyMap, sink: &mut Sink) {
    let used_stages: HashSet<&str> = map.touchpoints.iter().map(|t| t.stage.as_str()).collect();
    let used_channels: HashSet<&str> = map.touchpoints.iter().map(|t| t.channel.as_str()).collect();
    for (i, stage) in map.stages.iter().enumerate() {
        if !used_stages.contains(stage.id.as_str()) {
            sink.add(
                codes::EMPTY_STAGE,
                format!("/stages/{i}"),
                format!("stage \"{}\" has no touchpoint", stage.id),
            );
        }
    }
    let mut orders: HashMap<i64, usize> = HashMap::new();
    for (i, stage) in map.stages.iter().enumerate() {
        if let Some(order) = stage.order {
            if let Some(first) = orders.get(&order) {
                sink.add(
                    codes::DUPLICATE_STAGE_ORDER,
                    format!("/stages/{i}/order"),
                    format!("order {order} is already used by /stages/{first}"),
                );
            } else {
                orders.insert(order, i);
            }
        }
    }
    for (i, channel) in map.channels.iter().enumerate() {
        if !used_channels.contains(channel.id.as_str()) {
            sink.add(
                codes::UNUSED_CHANNEL,
                format!("/channels/{i}"),
                format!("no touchpoint uses channel \"{}\"", channel.id),
            );
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        if map.view() == MapView::Customer && t.visibility() == Visibility::Backstage {
            sink.add(
                codes::BACKSTAGE_IN_CUSTOMER_VIEW,
                format!("/touchpoints/{i}/visibility"),
                format!(
                    "touchpoint \"{}\" is backstage in a customer-facing map; set \"view\": \"service_blueprint\" or move it to a blueprint",
                    t.id
                ),
            );
        }
        if t.moment_of_truth_kind.is_some() && !t.moment_of_truth {
            sink.add(
                codes::KIND_WITHOUT_MOMENT_OF_TRUTH,
                format!("/touchpoints/{i}/moment_of_truth_kind"),
                format!("touchpoint \"{}\" has a moment-of-truth kind but \"moment_of_truth\" is not true", t.id),
            );
        }
    }
    if matches!(map.state(), MapState::ToBe | MapState::Actual) && map.metadata.based_on.is_none() {
        sink.add(
            codes::MISSING_BASELINE,
            "/metadata",
            "this map derives from another one: name it in \"metadata.based_on\" so the two can be compared",
        );
    }
    let mut seen: HashMap<(&str, &str, BTreeSet<&str>), usize> = HashMap::new();
    for (i, t) in map.transitions.iter().enumerate() {
        let key = (
            t.from.as_str(),
            t.to.as_str(),
            t.personas.iter().map(String::as_str).collect(),
        );
        if let Some(first) = seen.get(&key) {
            sink.add(
                codes::DUPLICATE_TRANSITION,
                format!("/transitions/{i}"),
                format!("same move {} → {} as /transitions/{first}", t.from, t.to),
            );
        } else {
            seen.insert(key, i);
        }
        if t.probability.is_some() && t.count.is_some() {
            sink.add(
                codes::PROBABILITY_AND_COUNT,
                format!("/transitions/{i}"),
                "both \"probability\" and \"count\" are given; the probability is used",
            );
        }
    }
    for (i, e) in map.entries.iter().enumerate() {
        if e.probability.is_some() && e.count.is_some() {
            sink.add(
                codes::PROBABILITY_AND_COUNT,
                format!("/entries/{i}"),
                "both \"probability\" and \"count\" are given; the probability is used",
            );
        }
    }
    if !map.outcomes.is_empty() && !map.outcomes.iter().any(|o| o.kind == OutcomeKind::Success) {
        sink.add(
            codes::NO_SUCCESS_OUTCOME,
            "/outcomes",
            "no outcome has kind \"success\", so conversion cannot be computed",
        );
    } else if map.outcomes.is_empty() && !map.touchpoints.is_empty() {
        sink.add(
            codes::NO_SUCCESS_OUTCOME,
            "",
            "the map declares no outcomes, so conversion cannot be computed",
        );
    }
}

fn unknown_fields(map: &JourneyMap, sink: &mut Sink) {
    let check = |sink: &mut Sink, base: &str, x: &XFields| {
        for key in x.keys().filter(|k| !k.starts_with("x-")) {
            sink.add(
                codes::UNKNOWN_FIELD_IN_MAP,
                format!("{base}/{}", esc(key)),
                format!("unknown field \"{key}\"; extra keys must start with \"x-\""),
            );
        }
    };
    check(sink, "", &map.x);
    check(sink, "/metadata", &map.metadata.x);
    check(sink, "/scales", &map.scales.x);
    let s = &map.scales;
    for (name, x) in [
        ("emotion", s.emotion.as_ref().map(|v| &v.x)),
        ("effort", s.effort.as_ref().map(|v| &v.x)),
        ("importance", s.importance.as_ref().map(|v| &v.x)),
        ("satisfaction", s.satisfaction.as_ref().map(|v| &v.x)),
    ] {
        if let Some(x) = x {
            check(sink, &format!("/scales/{name}"), x);
        }
    }
    for (i, p) in map.personas.iter().enumerate() {
        check(sink, &format!("/personas/{i}"), &p.x);
    }
    for (i, c) in map.channels.iter().enumerate() {
        check(sink, &format!("/channels/{i}"), &c.x);
    }
    for (i, st) in map.stages.iter().enumerate() {
        check(sink, &format!("/stages/{i}"), &st.x);
        for (k, kpi) in st.kpis.iter().enumerate() {
            check(sink, &format!("/stages/{i}/kpis/{k}"), &kpi.x);
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        let base = format!("/touchpoints/{i}");
        check(sink, &base, &t.x);
        check(sink, &format!("{base}/measures"), &t.measures.x);
        let pm_base = format!("{base}/persona_measures");
        check(sink, &pm_base, &t.persona_measures.x);
        for (p, m) in &t.persona_measures {
            if p.starts_with("x-") {
                sink.add(
                    codes::UNKNOWN_FIELD_IN_MAP,
                    format!("{pm_base}/{}", esc(p)),
                    format!("\"{p}\" starts with \"x-\", so it would be read back as tool data, not as a persona id; keep it in \"persona_measures.x\""),
                );
            }
            check(sink, &format!("{pm_base}/{}", esc(p)), &m.x);
        }
        if let Some(e) = &t.evidence {
            check(sink, &format!("{base}/evidence"), &e.x);
        }
        if let Some(s) = &t.survey {
            check(sink, &format!("{base}/survey"), &s.x);
        }
        for (list, notes) in [("pains", &t.pains), ("gains", &t.gains)] {
            for (j, n) in notes.iter().enumerate() {
                check(sink, &format!("{base}/{list}/{j}"), &n.x);
            }
        }
    }
    for (i, t) in map.transitions.iter().enumerate() {
        check(sink, &format!("/transitions/{i}"), &t.x);
    }
    for (i, e) in map.entries.iter().enumerate() {
        check(sink, &format!("/entries/{i}"), &e.x);
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        check(sink, &format!("/outcomes/{i}"), &o.x);
    }
    for (i, o) in map.opportunities.iter().enumerate() {
        check(sink, &format!("/opportunities/{i}"), &o.x);
    }
}

/// Whether probability can flow along an edge (an explicit 0 stops it).
fn flows(edge: &GraphEdge) -> bool {
    match (edge.probability, edge.count) {
        (Some(p), _) => p > 0.0,
        (None, Some(c)) => c > 0.0,
        (None, None) => true,
    }
}

fn join(personas: &BTreeSet<&str>) -> String {
    personas
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Positions of the transitions and entries that list each persona explicitly, in array order
/// (one pass over them, instead of one per persona).
struct Listed<'a> {
    transitions: HashMap<&'a str, Vec<usize>>,
    entries: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Listed<'a> {
    fn new(map: &'a JourneyMap) -> Self {
        fn collect<'a>(lists: impl Iterator<Item = &'a [String]>) -> HashMap<&'a str, Vec<usize>> {
            let mut out: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (i, personas) in lists.enumerate() {
                for p in personas {
                    let positions = out.entry(p.as_str()).or_default();
                    // A persona listed twice on the same object counts once.
                    if positions.last() != Some(&i) {
                        positions.push(i);
                    }
                }
            }
            out
        }
        Self {
            transitions: collect(map.transitions.iter().map(|t| t.personas.as_slice())),
            entries: collect(map.entries.iter().map(|e| e.personas.as_slice())),
        }
    }
}

fn graph_rules(map: &JourneyMap, sink: &mut Sink) {
    let index = map.index();
    // Per touchpoint position: the personas for which a rule fires (one diagnostic per touchpoint).
    let mut over_one: BTreeMap<usize, (BTreeSet<&str>, f64)> = BTreeMap::new();
    let mut leaks: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut unreachable: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut dead_ends: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut loops: BTreeMap<Vec<usize>, BTreeSet<&str>> = BTreeMap::new();
    let listed = Listed::new(map);

    for (pi, persona) in map.personas.iter().enumerate() {
        let p = persona.id.as_str();
        if index.persona(p).map(|x| std::ptr::eq(x, persona)) != Some(true) {
            continue; // duplicate persona id, reported already
        }
        // Explicitly listed personas on moves/entries whose touchpoints do not apply to them.
        for &i in listed.transitions.get(p).into_iter().flatten() {
            let t = &map.transitions[i];
            let ends = [index.touchpoint(&t.from), index.touchpoint(&t.to)];
            if let Some(tp) = ends.into_iter().flatten().find(|tp| !tp.applies_to(p)) {
                sink.add(
                    codes::PERSONA_MISMATCH,
                    format!("/transitions/{i}"),
                    format!("the move applies to persona \"{p}\" but touchpoint \"{}\" does not; it is ignored for \"{p}\"", tp.id),
                );
            }
        }
        for &i in listed.entries.get(p).into_iter().flatten() {
            let e = &map.entries[i];
            if let Some(tp) = index
                .touchpoint(&e.touchpoint)
                .filter(|tp| !tp.applies_to(p))
            {
                sink.add(
                    codes::PERSONA_MISMATCH,
                    format!("/entries/{i}"),
                    format!("the entry applies to persona \"{p}\" but touchpoint \"{}\" does not; it is ignored for \"{p}\"", tp.id),
                );
            }
        }
        let Some(graph) = PersonaGraph::build_with(map, &index, p) else {
            continue;
        };
        let g = &graph.graph;
        if graph.entries.is_empty() {
            sink.add(
                codes::PERSONA_WITHOUT_ENTRY,
                format!("/personas/{pi}"),
                format!("no entry applies to persona \"{p}\", so its journey has no start"),
            );
        }
        let entry_sum: f64 = graph
            .entries
            .iter()
            .filter_map(|&(_, e)| map.entries[e].probability)
            .sum();
        if entry_sum > 1.0 + EPS {
            sink.add(
                codes::ENTRY_PROBABILITIES_OVER_ONE,
                "/entries",
                format!("entry probabilities of persona \"{p}\" sum to {entry_sum}, more than 1"),
            );
        }
        // Probabilities out of each touchpoint.
        for node in g.node_indices() {
            let GraphNode::Touchpoint(ti) = g[node] else {
                continue;
            };
            let drop_off = map.touchpoints[ti].drop_off_for(p).unwrap_or(0.0);
            let edges: Vec<&GraphEdge> = g.edges(node).map(|e| e.weight()).collect();
            let explicit: f64 = edges.iter().filter_map(|e| e.probability).sum::<f64>() + drop_off;
            if explicit > 1.0 + EPS {
                let entry = over_one.entry(ti).or_insert((BTreeSet::new(), 0.0));
                entry.0.insert(p);
                entry.1 = entry.1.max(explicit);
            }
            let all_explicit = edges.iter().all(|e| e.probability.is_some());
            if edges.is_empty() && drop_off <= 0.0 {
                dead_ends.entry(ti).or_default().insert(p);
            } else if all_explicit && explicit < 1.0 - EPS {
                leaks.entry(ti).or_default().insert(p);
            }
        }
        // Reachability from the entries along edges that carry probability.
        let mut reached = vec![false; g.node_count()];
        let mut queue: VecDeque<NodeIndex> = graph.entries.iter().map(|&(n, _)| n).collect();
        for &n in &queue {
            reached[n.index()] = true;
        }
        while let Some(n) = queue.pop_front() {
            for e in g.edges(n).filter(|e| flows(e.weight())) {
                if !reached[e.target().index()] {
                    reached[e.target().index()] = true;
                    queue.push_back(e.target());
                }
            }
        }
        if !graph.entries.is_empty() {
            for node in g.node_indices() {
                if let GraphNode::Touchpoint(ti) = g[node]
                    && !reached[node.index()]
                {
                    unreachable.entry(ti).or_default().insert(p);
                }
            }
            let success = g.node_indices().any(|n| {
                reached[n.index()] && matches!(g[n], GraphNode::Outcome(o) if map.outcomes[o].kind == OutcomeKind::Success)
            });
            if !success && map.outcomes.iter().any(|o| o.kind == OutcomeKind::Success) {
                sink.add(
                    codes::NO_PATH_TO_SUCCESS,
                    format!("/personas/{pi}"),
                    format!(
                        "from the entries of persona \"{p}\" no success outcome can be reached"
                    ),
                );
            }
        }
        // Closed loops: strongly connected groups of touchpoints with no way out.
        for component in tarjan_scc(g) {
            let members: HashSet<NodeIndex> = component.iter().copied().collect();
            let cyclic = component.len() > 1
                || component
                    .iter()
                    .any(|&n| g.edges(n).any(|e| e.target() == n && flows(e.weight())));
            if !cyclic {
                continue;
            }
            let leaks_out = component.iter().any(|&n| {
                let GraphNode::Touchpoint(ti) = g[n] else {
                    return true;
                };
                let edges: Vec<_> = g.edges(n).collect();
                let drop_off = map.touchpoints[ti].drop_off_for(p).unwrap_or(0.0);
                let explicit: f64 = edges
                    .iter()
                    .filter_map(|e| e.weight().probability)
                    .sum::<f64>()
                    + drop_off;
                let all_explicit = edges.iter().all(|e| e.weight().probability.is_some());
                drop_off > 0.0
                    || edges
                        .iter()
                        .any(|e| !members.contains(&e.target()) && flows(e.weight()))
                    || (all_explicit && explicit < 1.0 - EPS)
            });
            if !leaks_out {
                let mut ids: Vec<usize> = component
                    .iter()
                    .filter_map(|&n| match g[n] {
                        GraphNode::Touchpoint(ti) => Some(ti),
                        GraphNode::Outcome(_) => None,
                    })
                    .collect();
                ids.sort_unstable();
                loops.entry(ids).or_default().insert(p);
            }
        }
    }
    let tp = |i: usize| map.touchpoints[i].id.as_str();
    for (ti, (personas, sum)) in over_one {
        sink.add(
            codes::PROBABILITIES_OVER_ONE,
            format!("/touchpoints/{ti}"),
            format!(
                "moves out of touchpoint \"{}\" (with its drop_off) sum to {sum} for persona(s) {}",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in leaks {
        sink.add(
            codes::PROBABILITY_LEAK,
            format!("/touchpoints/{ti}"),
            format!(
                "probabilities out of touchpoint \"{}\" sum to less than 1 for persona(s) {}; the rest is treated as abandonment",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in unreachable {
        sink.add(
            codes::UNREACHABLE_TOUCHPOINT,
            format!("/touchpoints/{ti}"),
            format!(
                "touchpoint \"{}\" cannot be reached from the entries of persona(s) {}",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in dead_ends {
        sink.add(
            codes::DEAD_END,
            format!("/touchpoints/{ti}"),
            format!(
                "touchpoint \"{}\" has no way out for persona(s) {}; add a transition to an outcome or a drop_off",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (members, personas) in loops {
        let Some(&first) = members.first() else {
            continue;
        };
        let names = members
            .iter()
            .map(|&i| format!("\"{}\"", tp(i)))
            .collect::<Vec<_>>()
            .join(", ");
        sink.add(
            codes::CLOSED_LOOP,
            format!("/touchpoints/{first}"),
            format!("touchpoints {names} lead only to each other for persona(s) {}: the journey can never end", join(&personas)),
        );
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{Channel, ChannelKind, Stage, Touchpoint};

    /// The rules on stages and channels look touchpoints up by hash: with as many stages and
    /// channels as the default limits allow and every touchpoint on the last of them (the worst
    /// case of a linear search), the semantic rules take milliseconds, not the ~10 s of
    /// comparing every stage and channel with every touchpoint.
    #[test]
    fn rules_are_linear_in_stages_channels_and_touchpoints() {
        let (n_other, n_tp) = (50_000, 10_000);
        let mut map = JourneyMap::new("m", "t");
        map.stages = (0..n_other)
            .map(|i| Stage {
                id: format!("s{i:05}"),
                name: "S".into(),
                order: None,
                description: None,
                customer_goal: None,
                business_goal: None,
                kpis: Vec::new(),
                x: XFields::new(),
            })
            .collect();
        map.channels = (0..n_other)
            .map(|i| Channel {
                id: format!("c{i:05}"),
                name: "C".into(),
                kind: ChannelKind::Digital,
                mode: None,
                x: XFields::new(),
            })
            .collect();
        let last = n_other - 1;
        let touchpoint: Touchpoint = serde_json::from_value(serde_json::json!({
            "id": "t", "name": "T", "stage": format!("s{last:05}"), "channel": format!("c{last:05}")
        }))
        .unwrap();
        map.touchpoints = (0..n_tp)
            .map(|i| Touchpoint {
                id: format!("t{i}"),
                ..touchpoint.clone()
            })
            .collect();
        let start = std::time::Instant::now();
        let out = check(
            &map,
            Options {
                unknown_fields: true,
            },
        );
        let elapsed = start.elapsed();
        let count = |code: Code| out.iter().filter(|d| d.code == code).count();
        assert_eq!(count(codes::EMPTY_STAGE), n_other - 1);
        assert_eq!(count(codes::UNUSED_CHANNEL), n_other - 1);
        // Linear rules take about 0.3 s here in a debug build; the quadratic ones took 10 s.
        assert!(
            elapsed < std::time::Duration::from_secs(5),
            "semantic rules took {elapsed:?}: a rule is no longer linear in stages and channels"
        );
    }
}
