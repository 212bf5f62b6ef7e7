//! Mermaid `journey` import and export: every grammar rule on the shared vectors of
//! testdata/interchange/mermaid/, diagnostics with their positions, the export, and properties
//! (round trips, names that survive escaping, no panic on any input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp,
    clippy::type_complexity
)]

use crate::common;

use journeymap::diagnostics::codes;
use journeymap::io::mermaid;
use journeymap::io::{Imported, ReadOptions};
use journeymap::model::JourneyMap;
use proptest::prelude::*;

fn vector(name: &str) -> Vec<u8> {
    std::fs::read(
        common::root()
            .join("testdata/interchange/mermaid")
            .join(name),
    )
    .unwrap()
}

fn read(name: &str) -> Imported {
    mermaid::read_bytes(&vector(name), &ReadOptions::default())
}

fn valid(name: &str) -> JourneyMap {
    let imported = read(name);
    assert!(imported.is_valid(), "{name}: {:#?}", imported.diagnostics);
    imported.map.unwrap()
}

/// Per task, in map order: (stage name, task name, emotion, actor names).
type Task = (String, String, Option<f64>, Vec<String>);

fn tasks(map: &JourneyMap) -> Vec<Task> {
    let index = map.index();
    map.touchpoints
        .iter()
        .map(|t| {
            (
                index.stage(&t.stage).unwrap().name.clone(),
                t.name.clone(),
                t.measures.emotion,
                t.personas
                    .iter()
                    .map(|p| index.persona(p).unwrap().name.clone())
                    .collect(),
            )
        })
        .collect()
}

fn task(stage: &str, name: &str, emotion: f64, actors: &[&str]) -> Task {
    (
        stage.to_owned(),
        name.to_owned(),
        Some(emotion),
        actors.iter().map(|a| (*a).to_owned()).collect(),
    )
}

/// (code, line, column) of every diagnostic.
fn positions(imported: &Imported) -> Vec<(&'static str, Option<u32>, Option<u32>)> {
    imported
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect()
}

#[test]
fn mermaid_documentation_example() {
    let map = valid("mermaid-docs.mmd");
    assert_eq!(map.title, "My working day");
    assert_eq!(map.id, "my-working-day");
    assert_eq!(
        tasks(&map),
        vec![
            task("Go to work", "Make tea", 2.0, &["Me"]),
            task("Go to work", "Go upstairs", 0.0, &["Me"]),
            task("Go to work", "Do work", -2.0, &["Me", "Cat"]),
            task("Go home", "Go downstairs", 2.0, &["Me"]),
            task("Go home", "Sit down", 2.0, &["Me"]),
        ]
    );
    // Actors are personas; every touchpoint is on the one `unspecified` channel.
    let ids: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["me", "cat"]);
    assert!(map.touchpoints.iter().all(|t| t.channel == "unspecified"));
    // Each persona walks its own tasks in order and ends in the success outcome.
    assert_eq!(
        journeymap::score::chain::likely_journey(&map, "me").unwrap(),
        vec![0, 1, 2, 3, 4]
    );
    assert_eq!(
        journeymap::score::chain::likely_journey(&map, "cat").unwrap(),
        vec![2]
    );
    let scores = map.score(&Default::default());
    for p in &scores.personas {
        assert_eq!(p.conversion.success_probability, 1.0, "{}", p.persona);
    }
    assert_eq!(map.outcomes.len(), 1);
    assert_eq!(map.outcomes[0].id, "completed");
}

#[test]
fn tasks_before_any_section_are_in_an_unnamed_section() {
    let map = valid("tasks-before-section.mmd");
    assert_eq!(
        tasks(&map),
        vec![
            task("", "Sees an ad", 1.0, &["Ann"]),
            task("", "Clicks it", 0.0, &["Ann"]),
            task("Buy", "Pays", -1.0, &["Ann"]),
        ]
    );
    assert_eq!(map.stages[0].id, "unnamed");
    let text = mermaid::to_string(&map, None).unwrap();
    let first_task = text.find("Sees an ad").unwrap();
    assert!(!text[..first_task].contains("\n    section"), "{text}");
}

#[test]
fn br_in_section_names_is_a_line_break() {
    let map = valid("section-br.mmd");
    let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Order\nonline", "Collect\nin store\ntoday"]);
    assert!(
        mermaid::to_string(&map, None)
            .unwrap()
            .contains("section Collect<br>in store<br>today")
    );
}

#[test]
fn actors_are_trimmed_and_a_trailing_colon_means_none() {
    let map = valid("trailing-colon.mmd");
    let actors: Vec<Vec<String>> = tasks(&map).into_iter().map(|t| t.3).collect();
    assert_eq!(
        actors,
        vec![
            vec!["Alice", "Bob", "Charlie"],
            vec!["Bob", "Charlie"],
            vec![],
            vec![],
            vec!["Alice", "Bob"],
        ]
    );
    // A task without actors applies to every persona.
    assert!(map.touchpoints[2].personas.is_empty());
}

#[test]
fn hash_starts_a_comment_to_the_end_of_the_line() {
    let map = valid("hash-comments.mmd");
    assert_eq!(map.title, "Hash comments");
    assert_eq!(
        tasks(&map),
        vec![
            task("Buy", "Pays", -1.0, &["Ann"]),
            task("Buy", "Waits", -2.0, &[]),
            task("Buy", "Leaves", 1.0, &["Ann", "Bob"]),
        ]
    );
}

#[test]
fn accessibility_title_and_block_description() {
    let map = valid("acc-descr-block.mmd");
    assert_eq!(
        map.description.as_deref(),
        Some("The commuter orders in the app,\npays, and collects the cup\nat the counter.")
    );
    assert_eq!(
        map.x.get(mermaid::ACC_TITLE_KEY),
        Some(&serde_json::json!("Ordering a coffee ahead"))
    );
    let text = mermaid::to_string(&map, None).unwrap();
    assert!(text.contains("accTitle: Ordering a coffee ahead"), "{text}");
    assert!(text.contains("accDescr {\n"), "{text}");
    let again = mermaid::from_str(&text).unwrap();
    assert_eq!(again.description, map.description);
}

#[test]
fn comments_directives_and_front_matter_are_skipped() {
    let map = valid("comments.mmd");
    assert_eq!(map.title, "From the front matter");
    assert_eq!(
        tasks(&map),
        vec![
            task("Discover", "Reads a review", 1.0, &["Zoé"]),
            task("Discover", "Compares prices", 0.0, &["Zoé"]),
        ]
    );
}

#[test]
fn keywords_in_any_case() {
    let map = valid("uppercase.mmd");
    assert_eq!(map.title, "Keywords in any case");
    assert_eq!(map.description.as_deref(), Some("Mixed-case description"));
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Discover", "Buy"]);
}

#[test]
fn entities_stand_for_the_characters_the_grammar_stops_at() {
    let map = valid("entities.mmd");
    assert_eq!(map.title, "Q&A #1; entities");
    assert_eq!(
        tasks(&map),
        vec![
            task(
                "Step 1: order",
                "Pays \"now\"; or later",
                0.0,
                &["Smith, Ann"]
            ),
            task("Step 1: order", "Gets ♥", 2.0, &["Smith, Ann"]),
        ]
    );
    // And the export writes them back as entities.
    let text = mermaid::to_string(&map, None).unwrap();
    assert!(text.contains("section Step 1#58; order"), "{text}");
    assert!(text.contains("Smith#44; Ann"), "{text}");
    assert_eq!(tasks(&mermaid::from_str(&text).unwrap()), tasks(&map));
}

#[test]
fn byte_order_mark_and_windows_line_ends() {
    let map = valid("crlf.mmd");
    assert_eq!(map.title, "Windows line ends");
    assert_eq!(
        tasks(&map),
        vec![
            task("Buy", "Pays", -1.0, &["Ann"]),
            task("Buy", "Leaves", 1.0, &[])
        ]
    );
}

#[test]
fn repeated_names_share_a_stage_and_get_unique_ids() {
    let map = valid("duplicate-names.mmd");
    let stages: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, ["support", "wait"]);
    let ids: Vec<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["calls", "waits", "calls-2"]);
    let text = mermaid::to_string(&map, None).unwrap();
    assert_eq!(text.matches("section Support").count(), 2, "{text}");
}

#[test]
fn errors_and_warnings_carry_their_line_and_column() {
    let cases: &[(&str, &[(&str, u32, u32)])] = &[
        (
            "score-out-of-range.mmd",
            &[
                ("JM203", 4, 11),
                ("JM203", 5, 12),
                ("JM203", 6, 13),
                ("JM203", 7, 13),
            ],
        ),
        (
            "score-not-a-number.mmd",
            &[("JM202", 4, 11), ("JM202", 5, 11), ("JM202", 6, 13)],
        ),
        (
            "syntax-errors.mmd",
            &[
                ("JM201", 4, 12),
                ("JM201", 5, 22),
                ("JM201", 6, 15),
                ("JM201", 7, 5),
                ("JM201", 8, 5),
            ],
        ),
        ("not-a-journey.mmd", &[("JM200", 1, 1)]),
        ("empty.mmd", &[("JM200", 1, 1)]),
        ("not-utf8.mmd", &[("JM002", 2, 12)]),
        ("extra-field.mmd", &[("JM204", 3, 18)]),
        ("unclosed-block.mmd", &[("JM205", 4, 3)]),
    ];
    for (file, want) in cases {
        let imported = read(file);
        let want: Vec<(&str, Option<u32>, Option<u32>)> = want
            .iter()
            .map(|&(c, l, col)| (c, Some(l), Some(col)))
            .collect();
        assert_eq!(positions(&imported), want, "{file}");
    }
    // Warnings alone leave the map valid; a bad score keeps its task without an emotion.
    assert!(read("extra-field.mmd").is_valid());
    let bad = read("score-out-of-range.mmd");
    assert!(!bad.is_valid());
    let kept = bad.map.unwrap();
    assert_eq!(kept.touchpoints.len(), 5);
    assert_eq!(kept.touchpoints[0].measures.emotion, None);
    assert_eq!(kept.touchpoints[4].measures.emotion, Some(-0.5));
    let e = mermaid::from_str("journey\n  section A\n    Pays: 9").unwrap_err();
    assert_eq!(e.code(), codes::SCORE_OUT_OF_RANGE);
    assert_eq!(
        e.diagnostics()[0].path.as_str(),
        "/touchpoints/0/measures/emotion"
    );
    // Lines with syntax errors are skipped, the rest is read.
    let kept = read("syntax-errors.mmd").map.unwrap();
    let names: Vec<&str> = kept.touchpoints.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Pays", "Fine"]);
}

#[test]
fn a_bad_token_before_trailing_spaces_skips_only_its_own_line() {
    // After `;`, `journey` or an `accDescr { }` block, the spaces at the end of the line and the
    // line end are one white-space token: the next line is still read.
    let imported = read("recovery-trailing-spaces.mmd");
    assert_eq!(
        positions(&imported),
        [
            ("JM201", Some(4), Some(12)),
            ("JM201", Some(6), Some(5)),
            ("JM201", Some(9), Some(37)),
        ]
    );
    let map = imported.map.unwrap();
    assert_eq!(
        tasks(&map),
        vec![
            task("Buy", "Pays", 0.0, &[]),
            task("Buy", "Waits", -1.0, &[]),
            task("Buy", "Signs", 1.0, &[]),
            task("Use", "Uses it", 2.0, &[]),
        ]
    );
    assert_eq!(map.description.as_deref(), Some("Steps after a block"));
}

#[test]
fn a_title_ends_at_a_semicolon() {
    let imported = read("title-semicolon.mmd");
    // The entity is part of the title; the `;` itself ends it, and the rest of its line is
    // skipped.
    assert_eq!(positions(&imported), [("JM201", Some(2), Some(27))]);
    let map = imported.map.unwrap();
    assert_eq!(map.title, "Sales ; returns");
    assert_eq!(tasks(&map), vec![task("Buy", "Pays", 0.0, &[])]);
}

#[test]
fn an_empty_section_is_an_empty_stage() {
    let imported = read("empty-section.mmd");
    assert!(imported.is_valid(), "{:?}", imported.diagnostics);
    assert_eq!(
        positions(&imported),
        [("JM042", Some(3), Some(3)), ("JM042", Some(6), Some(3))]
    );
    let map = imported.map.unwrap();
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Browse", "Buy", "After sales"]);
    assert_eq!(tasks(&map), vec![task("Buy", "Pays", 0.0, &["Ann"])]);
}

#[test]
fn names_with_a_byte_order_mark_character_or_a_literal_br_read_back() {
    // U+FEFF is white space to Mermaid's lexer: a name must not start with `title`, `section`
    // or `journey` followed by it, nor start or end with it unescaped. A literal `<br>` is
    // written `#60;br>`, which is not a line break.
    let names = [
        "a <br> literal",
        "title\u{feff}x",
        "section\u{feff}y",
        "\u{feff}lead",
        "trail\u{feff}",
        "accDescr\u{feff}{ z",
    ];
    let mut text = String::from("journey\n  section S\n");
    for _ in names {
        text.push_str("    T: 3: A\n");
    }
    let mut map = mermaid::from_str(&text).unwrap();
    for (t, n) in map.touchpoints.iter_mut().zip(names) {
        t.name = n.to_owned();
    }
    map.stages[0].name = "title\u{feff}s".to_owned();
    let exported = mermaid::to_string(&map, None).unwrap();
    let back = mermaid::read(&exported, &ReadOptions::default());
    assert!(back.is_valid(), "{exported}\n{:?}", back.diagnostics);
    let back = back.map.unwrap();
    let got: Vec<&str> = back.touchpoints.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(got, names, "{exported}");
    assert_eq!(back.stages[0].name, "title\u{feff}s");
    assert_eq!(back.title, map.title);
}

#[test]
fn scores_map_linearly_onto_the_emotion_scale() {
    let default = JourneyMap::new("m", "m").scales.emotion();
    for (s, e) in [(1.0, -2.0), (2.0, -1.0), (3.0, 0.0), (4.5, 1.5), (5.0, 2.0)] {
        assert_eq!(mermaid::score_to_emotion(s, &default), e);
        assert_eq!(mermaid::emotion_to_score(e, &default), s);
    }
    let ten = journeymap::model::Scale::new(1.0, 10.0);
    assert_eq!(mermaid::score_to_emotion(1.0, &ten), 1.0);
    assert_eq!(mermaid::score_to_emotion(5.0, &ten), 10.0);
    assert_eq!(mermaid::emotion_to_score(5.5, &ten), 3.0);
}

#[test]
fn export_one_persona_unknown_persona_and_missing_emotion() {
    let map = valid("mermaid-docs.mmd");
    let cat = mermaid::to_string(&map, Some("cat")).unwrap();
    assert!(cat.contains("Do work: 1: Me, Cat"), "{cat}");
    assert!(!cat.contains("Make tea"), "{cat}");
    let e = mermaid::to_string(&map, Some("dog")).unwrap_err();
    assert_eq!(e.code(), codes::UNKNOWN_EXPORT_PERSONA);
    assert!(matches!(e, journeymap::io::Error::Export { .. }));
    let mut unmeasured = map.clone();
    unmeasured.touchpoints[1].measures.emotion = None;
    unmeasured.touchpoints[0].measures.emotion = Some(40.0);
    let text = mermaid::to_string(&unmeasured, Some("me")).unwrap();
    assert!(text.contains("%% no emotion measured here"), "{text}");
    assert!(text.contains("Go upstairs: 3: Me"), "{text}");
    assert!(text.contains("Make tea: 5: Me"), "clamped: {text}");
}

#[test]
fn export_follows_the_most_likely_journey_of_each_example() {
    for file in common::json_files("examples") {
        let map = journeymap::io::from_path(&file).unwrap();
        for persona in map
            .personas
            .iter()
            .map(|p| Some(p.id.as_str()))
            .chain([None])
        {
            let text = mermaid::to_string(&map, persona).unwrap();
            let back = mermaid::read(&text, &ReadOptions::default());
            assert!(
                back.is_valid(),
                "{}: {:?}",
                file.display(),
                back.diagnostics
            );
            assert_eq!(back.map.unwrap().title, map.title);
            // Idempotent: exporting what was read gives the same text.
            let again = mermaid::to_string(&mermaid::from_str(&text).unwrap(), None).unwrap();
            let tasks_of = |t: &str| -> Vec<String> {
                t.lines()
                    .filter(|l| {
                        (l.starts_with("      ") && !l.contains("%%"))
                            || l.starts_with("    section")
                    })
                    .map(str::to_owned)
                    .collect()
            };
            assert_eq!(tasks_of(&again), tasks_of(&text), "{}", file.display());
        }
        let path = journeymap::score::chain::likely_journey(&map, &map.personas[0].id).unwrap();
        let text = mermaid::to_string(&map, Some(&map.personas[0].id)).unwrap();
        let read = mermaid::from_str(&text).unwrap();
        let want: Vec<&str> = path
            .iter()
            .map(|&t| map.touchpoints[t].name.as_str())
            .collect();
        let got: Vec<&str> = read.touchpoints.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(got, want, "{}", file.display());
    }
}

#[test]
fn committed_example_exports_read_back() {
    for file in common::json_files("examples") {
        let mmd = file.with_extension("mmd");
        let imported = journeymap::io::read_path(&mmd, None, &ReadOptions::default()).unwrap();
        assert!(
            imported.is_valid(),
            "{}: {:?}",
            mmd.display(),
            imported.diagnostics
        );
    }
}

// ---- properties ----

/// A diagram: sections of tasks (name, score in hundredths, actor indices), some tasks before
/// any section.
#[derive(Debug, Clone)]
struct Diagram {
    title: String,
    leading: Vec<(String, u32, Vec<usize>)>,
    sections: Vec<(String, Vec<(String, u32, Vec<usize>)>)>,
}

const ACTORS: [&str; 4] = ["Ann", "Bob Smith", "Zoé", "Li Wei"];

fn plain_name() -> impl Strategy<Value = String> {
    "[A-Za-zé0-9][A-Za-zé0-9 '!?&()-]{0,20}[A-Za-zé0-9]"
}

fn tasks_strategy(min: usize) -> impl Strategy<Value = Vec<(String, u32, Vec<usize>)>> {
    prop::collection::vec(
        (
            plain_name(),
            100u32..=500,
            prop::collection::btree_set(0..ACTORS.len(), 0..3)
                .prop_map(|s| s.into_iter().collect()),
        ),
        min..4,
    )
}

fn diagram() -> impl Strategy<Value = Diagram> {
    (
        plain_name(),
        tasks_strategy(0),
        prop::collection::vec((plain_name(), tasks_strategy(1)), 1..4),
    )
        .prop_map(|(title, leading, sections)| Diagram {
            title,
            leading,
            sections,
        })
}

fn render(d: &Diagram) -> String {
    let mut out = format!("journey\n  title {}\n", d.title);
    let line = |(name, score, actors): &(String, u32, Vec<usize>)| {
        let actors: Vec<&str> = actors.iter().map(|&a| ACTORS[a]).collect();
        let score = f64::from(*score) / 100.0;
        if actors.is_empty() {
            format!("    {name}: {score}\n")
        } else {
            format!("    {name}: {score}: {}\n", actors.join(", "))
        }
    };
    for t in &d.leading {
        out.push_str(&line(t));
    }
    for (name, ts) in &d.sections {
        out.push_str(&format!("  section {name}\n"));
        for t in ts {
            out.push_str(&line(t));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Mermaid → map → Mermaid keeps sections, tasks, scores and actors.
    #[test]
    fn mermaid_round_trip(d in diagram()) {
        let text = render(&d);
        let map = mermaid::from_str(&text).unwrap();
        let exported = mermaid::to_string(&map, None).unwrap();
        let back = mermaid::from_str(&exported).unwrap();
        prop_assert_eq!(tasks(&back), tasks(&map));
        prop_assert_eq!(&back.title, &d.title);
        let n = d.leading.len() + d.sections.iter().map(|s| s.1.len()).sum::<usize>();
        prop_assert_eq!(map.touchpoints.len(), n);
        for (t, (_, score, _)) in map.touchpoints.iter().zip(d.leading.iter().chain(d.sections.iter().flat_map(|s| &s.1))) {
            let s = mermaid::emotion_to_score(t.measures.emotion.unwrap(), &map.scales.emotion());
            prop_assert!((s - f64::from(*score) / 100.0).abs() < 1e-9);
        }
        // Exporting again gives the same text.
        prop_assert_eq!(mermaid::to_string(&back, None).unwrap(), exported);
    }

    /// Any name survives map → Mermaid → map, whatever characters it holds.
    #[test]
    fn any_name_survives_escaping(
        names in prop::collection::vec("(\\PC|\n|\u{feff}){1,16}", 1..5),
        section in "(\\PC|\u{feff}){0,16}",
        actor in "[^\n\r]{1,12}",
        title in "[^\n\r]{0,16}",
    ) {
        let mut text = String::from("journey\n  section S\n");
        for _ in &names {
            text.push_str("    T: 3: A\n");
        }
        let mut map = mermaid::from_str(&text).unwrap();
        map.title = title.trim().to_owned();
        map.stages[0].name = section.clone();
        map.personas[0].name = actor.clone();
        for (t, n) in map.touchpoints.iter_mut().zip(&names) {
            t.name = n.clone();
        }
        let exported = mermaid::to_string(&map, None).unwrap();
        let back = mermaid::read(&exported, &ReadOptions::default());
        prop_assert!(back.is_valid(), "{}\n{:?}", exported, back.diagnostics);
        let back = back.map.unwrap();
        let blank = |s: &str| if s.trim().is_empty() { String::new() } else { s.to_owned() };
        let got: Vec<String> = back.touchpoints.iter().map(|t| t.name.clone()).collect();
        let want: Vec<String> = names.iter().map(|n| blank(&n.replace('\r', ""))).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(&back.title, &map.title);
        prop_assert_eq!(&back.stages[0].name, &blank(&section));
        if !actor.trim().is_empty() {
            prop_assert_eq!(&back.personas[0].name, &actor);
        }
    }

    /// Reading never panics, whatever the text or bytes.
    #[test]
    fn never_panics_on_text(text in "\\PC*") {
        let _ = mermaid::read(&text, &ReadOptions::default());
    }

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = mermaid::read_bytes(&bytes, &ReadOptions::default());
    }

    /// Nor on text made of the grammar's own pieces, which reaches every lexer rule.
    #[test]
    fn never_panics_on_grammar_pieces(pieces in prop::collection::vec(prop_oneof![
        Just("journey"), Just("JOURNEY"), Just("title "), Just("section "), Just("accTitle:"),
        Just("accDescr:"), Just("accDescr {"), Just("}"), Just("%%"), Just("%%{"), Just("}%%"),
        Just("---"), Just(":"), Just(";"), Just("#"), Just("#59;"), Just(","), Just("\n"),
        Just("\r\n"), Just(" "), Just("Task"), Just("3"), Just("<br>"), Just("é"), Just("\u{feff}"),
    ], 0..40)) {
        let text: String = pieces.concat();
        let imported = mermaid::read(&text, &ReadOptions::default());
        if let Some(map) = imported.map {
            let _ = mermaid::to_string(&map, None).unwrap();
        }
    }
}
