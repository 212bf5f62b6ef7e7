//! Properties: generated valid maps round-trip through JSON unchanged (extensions and `x-` keys
//! included), and validation never panics, whatever the JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(
    clippy::too_many_lines,
    reason = "the generator of a map with every part of the format is one long table"
)]

use journeymap::io;
use journeymap::model::{
    Channel, ChannelKind, Effects, EffortDirection, EffortScale, Entry, Evidence, EvidenceSource,
    JourneyMap, Kpi, KpiDirection, MapState, MapView, MeasureEffect, Measures, Metadata,
    MomentOfTruthKind, Note, NoteSeverity, Opportunity, OpportunityStatus, Outcome, OutcomeKind,
    Persona, PersonaMeasures, Recurrence, Scale, Scales, ServiceMode, Stage, SurveyMetric,
    SurveyPlan, TimeUnit, Touchpoint, Transition, TransitionEffect, Visibility,
};
use journeymap::validate::{Limits, validate_map, validate_str, validate_value};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn x_fields() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map("x-[a-z]{1,6}", any_json(1), 0..3)
        .prop_map(|m| m.into_iter().collect())
}

fn any_json(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

fn x_fields_or_none() -> impl Strategy<Value = Map<String, Value>> {
    prop_oneof![Just(Map::new()), x_fields()]
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,10}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn scale() -> impl Strategy<Value = Option<Scale>> {
    prop::option::of(
        (-10i32..=0, 1i32..=10, x_fields_or_none()).prop_map(|(min, max, x)| Scale {
            min: f64::from(min),
            max: f64::from(max),
            x,
        }),
    )
}

fn scales() -> impl Strategy<Value = Scales> {
    let effort = prop::option::of(
        (
            prop::sample::select(vec![(1.0, 5.0), (1.0, 7.0), (0.0, 10.0)]),
            prop::option::of(prop::sample::select(vec![
                EffortDirection::HigherIsMoreEffort,
                EffortDirection::HigherIsEasier,
            ])),
            x_fields_or_none(),
        )
            .prop_map(|((min, max), direction, x)| EffortScale {
                min,
                max,
                direction,
                x,
            }),
    );
    let unit = prop::option::of(prop::sample::select(vec![
        TimeUnit::Seconds,
        TimeUnit::Minutes,
        TimeUnit::Hours,
        TimeUnit::Days,
    ]));
    (scale(), effort, scale(), scale(), unit, x_fields_or_none()).prop_map(
        |(emotion, effort, importance, satisfaction, time_unit, x)| Scales {
            emotion,
            effort,
            importance,
            satisfaction,
            time_unit,
            x,
        },
    )
}

fn metadata() -> impl Strategy<Value = Metadata> {
    (
        prop::collection::vec(text(), 0..3),
        opt_text(),
        opt_text(),
        prop::collection::vec(text(), 0..3),
        opt_text(),
        prop::option::of("[a-z]{1,8}"),
        prop::collection::vec("[a-z]{1,8}", 0..2),
        x_fields_or_none(),
    )
        .prop_map(
            |(authors, created, updated, tags, revision, based_on, applied_opportunities, x)| {
                Metadata {
                    authors,
                    created,
                    updated,
                    tags,
                    revision,
                    based_on,
                    applied_opportunities,
                    x,
                }
            },
        )
}

/// Measures as fractions of their scales (mapped onto the map's scales when the map is built),
/// plus duration and volume.
type RawMeasures = (
    [Option<f64>; 5],
    Option<f64>,
    Option<f64>,
    Map<String, Value>,
);

fn raw_measures() -> impl Strategy<Value = RawMeasures> {
    (
        [
            prop::option::of(0.0f64..=1.0),
            prop::option::of(0.0f64..=1.0),
            prop::option::of(0.0f64..=1.0),
            prop::option::of(0.0f64..=1.0),
            prop::option::of(0.0f64..=1.0),
        ],
        prop::option::of(0.0f64..1e4),
        prop::option::of(0.0f64..1e6),
        x_fields_or_none(),
    )
}

fn measures(raw: RawMeasures, scales: &Scales, drop_off: Option<f64>) -> Measures {
    let ([emotion, expected, effort, importance, satisfaction], duration, volume, x) = raw;
    let on = |s: Scale, u: Option<f64>| u.map(|u| s.min + u * (s.max - s.min));
    Measures {
        emotion: on(scales.emotion(), emotion),
        expected_emotion: on(scales.emotion(), expected),
        effort: on(scales.effort().bounds(), effort),
        importance: on(scales.importance(), importance),
        satisfaction: on(scales.satisfaction(), satisfaction),
        duration,
        volume,
        drop_off,
        x,
    }
}

/// Text, severity and `x-` keys of a pain or gain.
type NoteSeed = (String, Option<NoteSeverity>, Map<String, Value>);

fn note_seed() -> impl Strategy<Value = NoteSeed> {
    (
        text(),
        prop::option::of(prop::sample::select(vec![
            NoteSeverity::Low,
            NoteSeverity::Medium,
            NoteSeverity::High,
            NoteSeverity::Critical,
        ])),
        x_fields_or_none(),
    )
}

fn note(id: Option<String>, (text, severity, x): NoteSeed) -> Note {
    Note {
        id,
        text,
        severity,
        x,
    }
}

fn evidence() -> impl Strategy<Value = Option<Evidence>> {
    prop::option::of(
        (
            prop::sample::select(vec![
                EvidenceSource::Workshop,
                EvidenceSource::Survey,
                EvidenceSource::Analytics,
                EvidenceSource::Interview,
                EvidenceSource::Observation,
                EvidenceSource::Assumption,
            ]),
            prop::option::of(0u64..=9_007_199_254_740_991),
            opt_text(),
            opt_text(),
            x_fields_or_none(),
        )
            .prop_map(|(source, n, date, note, x)| Evidence {
                source,
                n,
                date,
                note,
                x,
            }),
    )
}

fn survey() -> impl Strategy<Value = Option<SurveyPlan>> {
    prop::option::of(
        (
            prop::sample::select(vec![
                SurveyMetric::Ces,
                SurveyMetric::Csat,
                SurveyMetric::Nps,
                SurveyMetric::Custom,
            ]),
            opt_text(),
            prop::option::of(prop::sample::select(vec![
                Recurrence::EveryInteraction,
                Recurrence::Once,
                Recurrence::Monthly,
                Recurrence::Quarterly,
                Recurrence::Yearly,
            ])),
            prop::option::of(0.0f64..=1.0),
            x_fields_or_none(),
        )
            .prop_map(
                |(metric, question, recurrence, sample_rate, x)| SurveyPlan {
                    metric,
                    question,
                    recurrence,
                    sample_rate,
                    x,
                },
            ),
    )
}

/// Count, label and `x-` keys of the two transitions out of a touchpoint.
type TransitionSeed = (
    Option<f64>,
    Option<String>,
    Map<String, Value>,
    Map<String, Value>,
);

/// What varies per touchpoint, before it is placed in the map.
#[derive(Debug, Clone)]
struct TouchpointSeed {
    stage: usize,
    channel: usize,
    personas: Vec<bool>,
    measures: RawMeasures,
    drop_off: Option<f64>,
    leak: f64,
    persona_measures: Vec<Option<RawMeasures>>,
    persona_measures_x: Map<String, Value>,
    evidence: Option<Evidence>,
    pains: Vec<NoteSeed>,
    gains: Vec<(bool, NoteSeed)>,
    moment: (bool, Option<MomentOfTruthKind>),
    survey: Option<SurveyPlan>,
    texts: (Option<String>, Option<String>, Option<String>),
    visibility: Option<Visibility>,
    x: Map<String, Value>,
    transition: TransitionSeed,
}

fn touchpoint_seed(personas: usize) -> impl Strategy<Value = TouchpointSeed> {
    (
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<bool>(), personas),
            raw_measures(),
            prop::option::of(0.0f64..0.3),
            0.0f64..0.5,
        ),
        (
            prop::collection::vec(prop::option::of(raw_measures()), personas),
            x_fields_or_none(),
            evidence(),
            prop::collection::vec(note_seed(), 0..3),
            prop::collection::vec((any::<bool>(), note_seed()), 0..3),
        ),
        (
            (
                any::<bool>(),
                prop::option::of(prop::sample::select(vec![
                    MomentOfTruthKind::Zero,
                    MomentOfTruthKind::First,
                    MomentOfTruthKind::Second,
                    MomentOfTruthKind::Contact,
                ])),
            ),
            survey(),
            (opt_text(), opt_text(), opt_text()),
            prop::option::of(prop::sample::select(vec![
                Visibility::Frontstage,
                Visibility::Backstage,
            ])),
            x_fields_or_none(),
            (
                prop::option::of(0.0f64..1e5),
                opt_text(),
                x_fields_or_none(),
                x_fields_or_none(),
            ),
        ),
    )
        .prop_map(
            |(
                (stage, channel, personas, measures, drop_off, leak),
                (persona_measures, persona_measures_x, evidence, pains, gains),
                (moment, survey, texts, visibility, x, transition),
            )| TouchpointSeed {
                stage: stage.index(usize::MAX),
                channel: channel.index(usize::MAX),
                personas,
                measures,
                drop_off,
                leak,
                persona_measures,
                persona_measures_x,
                evidence,
                pains,
                gains,
                moment,
                survey,
                texts,
                visibility,
                x,
                transition,
            },
        )
}

fn persona(i: usize, n: usize, channels: usize) -> impl Strategy<Value = Persona> {
    (
        prop::option::of(0.0f64..=1.0),
        (
            opt_text(),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..2),
        ),
        prop::collection::vec(0..channels, 0..3),
        prop::collection::btree_map("[a-z]{1,6}", any_json(1), 0..3),
        x_fields_or_none(),
    )
        .prop_map(
            move |(
                share,
                (description, goals, motivations, frustrations),
                preferred,
                attributes,
                x,
            )| {
                let share = share.map(|u| u / n as f64);
                Persona {
                    id: format!("p{i}"),
                    name: format!("Persona {i}"),
                    description,
                    share,
                    goals,
                    motivations,
                    frustrations,
                    preferred_channels: preferred.into_iter().map(|c| format!("c{c}")).collect(),
                    attributes: attributes.into_iter().collect(),
                    x,
                }
            },
        )
}

fn channel(i: usize) -> impl Strategy<Value = Channel> {
    (
        prop::sample::select(vec![
            ChannelKind::Digital,
            ChannelKind::Physical,
            ChannelKind::Human,
            ChannelKind::Print,
            ChannelKind::Other,
        ]),
        prop::option::of(prop::sample::select(vec![
            ServiceMode::SelfService,
            ServiceMode::Assisted,
        ])),
        x_fields_or_none(),
    )
        .prop_map(move |(kind, mode, x)| Channel {
            id: format!("c{i}"),
            name: format!("Channel {i}"),
            kind,
            mode,
            x,
        })
}

fn kpi() -> impl Strategy<Value = Kpi> {
    (
        text(),
        opt_text(),
        prop::option::of(-1e6f64..1e6),
        prop::option::of(-1e6f64..1e6),
        prop::option::of(prop::sample::select(vec![
            KpiDirection::HigherIsBetter,
            KpiDirection::LowerIsBetter,
        ])),
        x_fields_or_none(),
    )
        .prop_map(|(name, unit, target, actual, direction, x)| Kpi {
            name,
            unit,
            target,
            actual,
            direction,
            x,
        })
}

fn stage(i: usize) -> impl Strategy<Value = Stage> {
    (
        prop::option::of(-1000i64..1000),
        (opt_text(), opt_text(), opt_text()),
        prop::collection::vec(kpi(), 0..3),
        x_fields_or_none(),
    )
        .prop_map(
            move |(order, (description, customer_goal, business_goal), kpis, x)| Stage {
                id: format!("s{i}"),
                name: format!("Stage {i}"),
                order,
                description,
                customer_goal,
                business_goal,
                kpis,
                x,
            },
        )
}

/// An entry at the first or last touchpoint: probability, count, personas it lists, `x-` keys.
type EntrySeed = (
    bool,
    Option<f64>,
    Option<f64>,
    Vec<bool>,
    Map<String, Value>,
);

fn entry_seed(personas: usize) -> impl Strategy<Value = EntrySeed> {
    (
        any::<bool>(),
        prop::option::of(0.0f64..=0.5),
        prop::option::of(0.0f64..1e4),
        prop::collection::vec(any::<bool>(), personas),
        x_fields_or_none(),
    )
}

/// An opportunity on some touchpoints and pains: value, effort, confidence, status, `x-` keys.
type OpportunitySeed = (
    Vec<prop::sample::Index>,
    Vec<prop::sample::Index>,
    (Option<f64>, Option<f64>, Option<f64>),
    Option<OpportunityStatus>,
    Map<String, Value>,
    Option<EffectSeed>,
);

/// Effects: new measures at a touchpoint for some personas, a counted move to the neutral
/// outcome, `x-` keys.
type EffectSeed = (
    prop::sample::Index,
    RawMeasures,
    Vec<bool>,
    Option<f64>,
    Map<String, Value>,
);

fn opportunity_seed() -> impl Strategy<Value = OpportunitySeed> {
    (
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        (
            prop::option::of(0.0f64..10.0),
            prop::option::of(0.0f64..10.0),
            prop::option::of(0.0f64..=1.0),
        ),
        prop::option::of(prop::sample::select(vec![
            OpportunityStatus::Idea,
            OpportunityStatus::Planned,
            OpportunityStatus::InProgress,
            OpportunityStatus::Done,
            OpportunityStatus::Rejected,
        ])),
        x_fields_or_none(),
        prop::option::of((
            any::<prop::sample::Index>(),
            raw_measures(),
            prop::collection::vec(any::<bool>(), 3),
            prop::option::of(0.0f64..100.0),
            x_fields_or_none(),
        )),
    )
}

fn pick<T: Clone>(items: &[T], mask: &[bool]) -> Vec<T> {
    items
        .iter()
        .zip(mask)
        .filter(|(_, keep)| **keep)
        .map(|(item, _)| item.clone())
        .collect()
}

/// A valid map with every part of the format: scales (either effort direction), metadata,
/// several personas with shares and per-persona measures, stages with KPIs, channels, a chain of
/// touchpoints with pains, gains, evidence and survey plans, weighted transitions (some with
/// counts too), entries with probabilities and counts, outcomes, opportunities, and `x-` keys on
/// every kind of object, `persona_measures` included.
fn valid_map() -> impl Strategy<Value = JourneyMap> {
    (1usize..4, 1usize..4, 1usize..4, 1usize..7)
        .prop_flat_map(|(np, nc, ns, nt)| {
            (
                (
                    (0..np).map(|i| persona(i, np, nc)).collect::<Vec<_>>(),
                    (0..nc).map(channel).collect::<Vec<_>>(),
                    (0..ns).map(stage).collect::<Vec<_>>(),
                    prop::collection::vec(touchpoint_seed(np), nt),
                ),
                (
                    scales(),
                    metadata(),
                    prop::option::of(prop::sample::select(vec![
                        MapState::AsIs,
                        MapState::ToBe,
                        MapState::Actual,
                    ])),
                    prop::option::of(prop::sample::select(vec![
                        MapView::Customer,
                        MapView::ServiceBlueprint,
                    ])),
                    prop::option::of("[a-z]{2}-[A-Z]{2}"),
                    opt_text(),
                ),
                (
                    entry_seed(np),
                    prop::option::of(entry_seed(np)),
                    prop::collection::vec(
                        (
                            prop::option::of(-1e6f64..1e6),
                            opt_text(),
                            x_fields_or_none(),
                        ),
                        3,
                    ),
                    prop::collection::vec(opportunity_seed(), 0..3),
                    x_fields_or_none(),
                    prop::collection::btree_map("[a-z.]{1,12}", any_json(2), 0..3),
                ),
            )
        })
        .prop_map(
            |(
                (personas, channels, stages, seeds),
                (scales, metadata, state, view, locale, description),
                (first_entry, last_entry, outcome_seeds, opportunity_seeds, x_root, extensions),
            )| {
                let mut map = JourneyMap::new("generated", "Generated map");
                map.description = description;
                map.state = state;
                map.view = view;
                map.locale = locale;
                map.metadata = metadata;
                map.x = x_root;
                map.extensions = extensions.into_iter().collect();
                let persona_ids: Vec<String> = personas.iter().map(|p| p.id.clone()).collect();
                map.personas = personas;
                map.channels = channels;
                map.stages = stages;
                let n = seeds.len();
                for (i, seed) in seeds.into_iter().enumerate() {
                    let id = format!("t{i}");
                    let persona_measures: PersonaMeasures = PersonaMeasures {
                        by_persona: persona_ids
                            .iter()
                            .zip(seed.persona_measures)
                            .filter_map(|(p, raw)| {
                                raw.map(|raw| (p.clone(), measures(raw, &scales, None)))
                            })
                            .collect(),
                        x: seed.persona_measures_x,
                    };
                    let pains: Vec<Note> = seed
                        .pains
                        .into_iter()
                        .enumerate()
                        .map(|(j, n)| note(Some(format!("pain-{i}-{j}")), n))
                        .collect();
                    let gains: Vec<Note> = seed
                        .gains
                        .into_iter()
                        .enumerate()
                        .map(|(j, (with_id, n))| note(with_id.then(|| format!("gain-{i}-{j}")), n))
                        .collect();
                    let (description, customer_action, owner) = seed.texts;
                    map.touchpoints.push(Touchpoint {
                        id: id.clone(),
                        name: format!("Step {i}"),
                        stage: format!("s{}", seed.stage % map.stages.len()),
                        channel: format!("c{}", seed.channel % map.channels.len()),
                        description,
                        customer_action,
                        personas: pick(&persona_ids, &seed.personas),
                        visibility: seed.visibility,
                        owner,
                        measures: measures(seed.measures, &scales, seed.drop_off),
                        persona_measures,
                        evidence: seed.evidence,
                        pains,
                        gains,
                        moment_of_truth: seed.moment.0,
                        moment_of_truth_kind: seed.moment.1,
                        survey: seed.survey,
                        x: seed.x,
                    });
                    // Out of each touchpoint: the next step, a failure, and the drop-off sum to 1.
                    let drop = seed.drop_off.unwrap_or(0.0);
                    let next = if i + 1 < n {
                        format!("t{}", i + 1)
                    } else {
                        "won".to_owned()
                    };
                    let (count, label, x_next, x_lost) = seed.transition;
                    map.transitions.push(Transition {
                        from: id.clone(),
                        to: next,
                        personas: vec![],
                        probability: Some(1.0 - seed.leak - drop),
                        count,
                        label,
                        x: x_next,
                    });
                    map.transitions.push(Transition {
                        from: id,
                        to: "lost".into(),
                        personas: vec![],
                        probability: Some(seed.leak),
                        count: None,
                        label: None,
                        x: x_lost,
                    });
                }
                map.scales = scales;
                for (seed, at) in [(Some(first_entry), 0), (last_entry, n - 1)] {
                    let Some((listed, probability, count, mask, x)) = seed else {
                        continue;
                    };
                    map.entries.push(Entry {
                        touchpoint: format!("t{at}"),
                        personas: if listed {
                            pick(&persona_ids, &mask)
                        } else {
                            vec![]
                        },
                        probability,
                        count,
                        x,
                    });
                }
                let kinds = [
                    ("won", OutcomeKind::Success),
                    ("lost", OutcomeKind::Failure),
                    ("later", OutcomeKind::Neutral),
                ];
                for ((id, kind), (value, description, x)) in kinds.into_iter().zip(outcome_seeds) {
                    map.outcomes.push(Outcome {
                        id: id.into(),
                        name: id.into(),
                        kind,
                        description,
                        value,
                        x,
                    });
                }
                let pain_ids: Vec<String> = map
                    .touchpoints
                    .iter()
                    .flat_map(|t| t.pains.iter().filter_map(|p| p.id.clone()))
                    .collect();
                for (k, (tps, pains, (value, effort, confidence), status, x, effect)) in
                    opportunity_seeds.into_iter().enumerate()
                {
                    let effects = effect.map(|(at, raw, mask, count, x)| {
                        let tp = &map.touchpoints[at.index(n)];
                        Effects {
                            measures: vec![MeasureEffect {
                                touchpoint: tp.id.clone(),
                                personas: pick(&persona_ids, &mask)
                                    .into_iter()
                                    .filter(|p| tp.applies_to(p))
                                    .collect(),
                                measures: measures(raw, &map.scales, None),
                                x: Map::new(),
                            }],
                            transitions: count
                                .map(|c| TransitionEffect {
                                    from: tp.id.clone(),
                                    to: "later".into(),
                                    personas: vec![],
                                    probability: None,
                                    count: Some(c),
                                    label: None,
                                    x: Map::new(),
                                })
                                .into_iter()
                                .collect(),
                            removed_transitions: vec![],
                            removed_touchpoints: vec![],
                            x,
                        }
                    });
                    map.opportunities.push(Opportunity {
                        id: format!("o{k}"),
                        title: format!("Opportunity {k}"),
                        description: None,
                        touchpoints: tps.iter().map(|t| format!("t{}", t.index(n))).collect(),
                        pains: if pain_ids.is_empty() {
                            vec![]
                        } else {
                            pains.iter().map(|p| p.get(&pain_ids).clone()).collect()
                        },
                        value,
                        effort,
                        confidence,
                        status,
                        effects,
                        x,
                    });
                }
                map
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn valid_maps_round_trip_unchanged(map in valid_map()) {
        let report = validate_map(&map);
        prop_assert!(report.is_valid(), "{:?}", report.diagnostics);
        let text = io::to_string(&map).unwrap();
        let back = io::from_str(&text).unwrap();
        prop_assert_eq!(&back, &map);
        prop_assert_eq!(io::to_string(&back).unwrap(), text.clone());
        // The indented form reads back the same, and the text validates like the typed map.
        let pretty = io::to_string_pretty(&map).unwrap();
        prop_assert_eq!(&io::from_str(&pretty).unwrap(), &map);
        let codes = |r: &journeymap::validate::Report| {
            let mut c: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
            c.sort_unstable();
            c
        };
        prop_assert_eq!(codes(&validate_str(&text, &Limits::default())), codes(&report));
    }

    #[test]
    fn the_generator_covers_the_format(map in valid_map()) {
        // Sanity of the generator itself: the parts the round trip is meant to cover are there.
        prop_assert!(!map.personas.is_empty() && !map.stages.is_empty() && !map.channels.is_empty());
        prop_assert!(!map.entries.is_empty() && map.outcomes.len() == 3);
        prop_assert_eq!(map.transitions.len(), 2 * map.touchpoints.len());
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(value in any_json(5)) {
        let _ = validate_value(&value, &Limits::default());
        let _ = validate_str(&value.to_string(), &Limits::default());
    }

    #[test]
    fn validation_never_panics_on_mutated_maps(map in valid_map(), path_choice in 0usize..64, replacement in any_json(2)) {
        // Replace one value somewhere in a valid map with arbitrary JSON.
        let mut value = io::to_value(&map).unwrap();
        let mut pointers = Vec::new();
        collect_pointers(&value, String::new(), &mut pointers);
        let pointer = &pointers[path_choice % pointers.len()];
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = replacement;
        }
        let report = validate_value(&value, &Limits::default());
        // The schema and the model agree: whatever the schema accepts can be read (no JM018),
        // and every violation has a specific code (no JM017).
        for d in &report.diagnostics {
            prop_assert!(!["JM017", "JM018"].contains(&d.code.as_str()), "{}", d);
        }
        if report.is_valid() {
            prop_assert!(io::from_value(value).is_ok());
        }
    }

    #[test]
    fn validation_never_panics_on_arbitrary_text(text in "\\PC{0,64}") {
        let _ = validate_str(&text, &Limits::default());
    }
}

fn collect_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect_pointers(
                    v,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}
