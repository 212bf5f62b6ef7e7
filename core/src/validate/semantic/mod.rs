//! Semantic rules: what the schema cannot say (references, scales, the journey graph).

mod effects;
mod fields;
mod graph;
mod misc;
mod numbers;
mod references;

use foldhash::{HashMap, HashMapExt};

pub(crate) use effects::effect_errors;

use crate::diagnostics::codes;
use crate::diagnostics::{Code, Diagnostic, JsonPointer, escape_token};
use crate::model::JourneyMap;

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
    fn add(&mut self, code: Code, path: impl Into<JsonPointer>, message: impl Into<String>) {
        self.out.push(Diagnostic::new(code, path, message));
    }
}

fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    escape_token(s)
}

/// Runs every semantic rule on `map`.
pub(crate) fn check(map: &JourneyMap, options: Options) -> Vec<Diagnostic> {
    let mut sink = Sink { out: Vec::new() };
    // One id index for the rules that look ids up: the graphs reuse what the references found.
    let index = map.index();
    format_version(map, &mut sink);
    duplicate_ids(map, &mut sink);
    numbers::numbers(map, &mut sink);
    references::references(map, &index, &mut sink);
    misc::misc(map, &mut sink);
    effects::effects(map, &mut sink);
    if options.unknown_fields {
        fields::unknown_fields(map, &mut sink);
    }
    graph::graph_rules(map, &index, &mut sink);
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

/// Where an object with an id sits, so that its pointer is written only for a duplicate.
#[derive(Debug, Clone, Copy)]
enum At {
    Persona(usize),
    Channel(usize),
    Stage(usize),
    Touchpoint(usize),
    Outcome(usize),
    Opportunity(usize),
    Note(usize, &'static str, usize),
}

impl At {
    fn pointer(self) -> String {
        match self {
            At::Persona(i) => format!("/personas/{i}"),
            At::Channel(i) => format!("/channels/{i}"),
            At::Stage(i) => format!("/stages/{i}"),
            At::Touchpoint(i) => format!("/touchpoints/{i}"),
            At::Outcome(i) => format!("/outcomes/{i}"),
            At::Opportunity(i) => format!("/opportunities/{i}"),
            At::Note(i, list, j) => format!("/touchpoints/{i}/{list}/{j}"),
        }
    }
}

fn duplicate_ids(map: &JourneyMap, sink: &mut Sink) {
    fn check<'a>(
        seen: &mut HashMap<&'a str, At>,
        id: &'a str,
        at: At,
        kind: &str,
        sink: &mut Sink,
    ) {
        if let Some(first) = seen.get(id) {
            sink.add(
                codes::DUPLICATE_ID,
                format!("{}/id", at.pointer()),
                format!("{kind} id \"{id}\" is already used at {}", first.pointer()),
            );
        } else {
            seen.insert(id, at);
        }
    }
    let mut seen = HashMap::new();
    for (i, p) in map.personas.iter().enumerate() {
        check(&mut seen, &p.id, At::Persona(i), "persona", sink);
    }
    let mut seen = HashMap::new();
    for (i, c) in map.channels.iter().enumerate() {
        check(&mut seen, &c.id, At::Channel(i), "channel", sink);
    }
    let mut seen = HashMap::new();
    for (i, s) in map.stages.iter().enumerate() {
        check(&mut seen, &s.id, At::Stage(i), "stage", sink);
    }
    // Touchpoints and outcomes share one namespace.
    let mut seen = HashMap::new();
    for (i, t) in map.touchpoints.iter().enumerate() {
        check(&mut seen, &t.id, At::Touchpoint(i), "touchpoint", sink);
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        check(&mut seen, &o.id, At::Outcome(i), "outcome", sink);
    }
    let mut seen = HashMap::new();
    for (i, o) in map.opportunities.iter().enumerate() {
        check(&mut seen, &o.id, At::Opportunity(i), "opportunity", sink);
    }
    // Pains and gains share one namespace.
    let mut seen = HashMap::new();
    for (i, t) in map.touchpoints.iter().enumerate() {
        for (list, notes) in [("pains", &t.pains), ("gains", &t.gains)] {
            for (j, n) in notes.iter().enumerate() {
                if let Some(id) = &n.id {
                    check(&mut seen, id, At::Note(i, list, j), "pain/gain", sink);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{Channel, ChannelKind, Stage, Touchpoint, XFields};

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
