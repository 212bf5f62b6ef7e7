//! The object vectors of testdata/objects/: host objects (markers decoded by
//! `common::host_tree`) read by the core's walker give the diagnostics and maps of
//! testdata/objects/expected.json, which the Python and Node suites check too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::host_tree::Tree;
use common::root;
use journeymap::validate::object::{Host, HostKey, HostValue};
use journeymap::validate::{Limits, ObjectInput, validate_object, validate_value};
use journeymap::{Diagnostic, io};
use serde_json::{Value, json};

fn vector(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("testdata/objects").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn expected() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(root().join("testdata/objects/expected.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

fn read(doc: &Value) -> ObjectInput {
    ObjectInput::read(&Tree::new(doc), &Limits::default()).unwrap()
}

fn validate(doc: &Value) -> Vec<Diagnostic> {
    validate_object(&read(doc), &Limits::default()).diagnostics
}

fn at(ds: &[Diagnostic], code: &str) -> Vec<String> {
    ds.iter()
        .filter(|d| d.code.as_str() == code)
        .map(|d| d.path.to_string())
        .collect()
}

/// The pointers of every `$number` marker of a vector.
fn markers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) if map.len() == 1 && map.contains_key("$number") => {
            out.push(at.to_owned());
        }
        Value::Object(map) => {
            for (k, v) in map {
                markers(
                    v,
                    &format!("{at}/{}", journeymap::diagnostics::escape_token(k)),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                markers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_vector_gives_its_expected_diagnostics_and_load_outcome() {
    let expected = expected();
    let mut names: Vec<String> = std::fs::read_dir(root().join("testdata/objects"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "expected.json")
        .collect();
    names.sort();
    assert_eq!(
        names,
        expected.keys().cloned().collect::<Vec<_>>(),
        "expected.json and the vectors disagree"
    );
    for name in names {
        let doc = vector(&name);
        let want = &expected[&name];
        let input = read(&doc);
        let report = validate_object(&input, &Limits::default());
        assert_eq!(
            serde_json::to_value(&report.diagnostics).unwrap(),
            want["validate"],
            "{name}"
        );
        for d in &report.diagnostics {
            assert!(d.line.is_none() && d.column.is_none(), "{name}: {d}");
        }
        if !doc.is_object() {
            assert_eq!(want["load"], Value::Null, "{name}");
            continue;
        }
        match io::from_object(&input) {
            Ok(map) => assert_eq!(want["load"]["map"], io::to_string(&map).unwrap(), "{name}"),
            Err(e) => {
                let got = &want["load"]["error"];
                assert_eq!(got["kind"], e.kind().as_str(), "{name}");
                assert_eq!(got["code"], e.code().as_str(), "{name}");
                assert_eq!(got["message"], e.to_string(), "{name}");
                assert_eq!(
                    got["diagnostics"],
                    serde_json::to_value(e.to_diagnostics()).unwrap(),
                    "{name}"
                );
                // Loading refuses with exactly what validation reports.
                assert_eq!(e.to_diagnostics(), report.diagnostics, "{name}");
            }
        }
    }
}

#[test]
fn every_non_finite_number_is_reported_once_at_its_own_path() {
    for name in ["non-finite.json", "wrong-types.json", "not-an-object.json"] {
        let doc = vector(name);
        let mut want = Vec::new();
        markers(&doc, "", &mut want);
        assert!(!want.is_empty(), "{name}");
        let ds = validate(&doc);
        assert_eq!(at(&ds, "JM031"), want, "{name}");
        // No second diagnostic (the schema's type error) at the same path.
        for path in &want {
            let here: Vec<&Diagnostic> = ds.iter().filter(|d| &d.path == path).collect();
            assert_eq!(here.len(), 1, "{name} {path}: {here:?}");
            assert_eq!(here[0].message, {
                let text = doc.pointer(path).unwrap()["$number"].as_str().unwrap();
                format!("{text} is not a finite number")
            });
        }
    }
    // Inside `extensions` and `x-` keys too.
    let ds = validate(&vector("non-finite.json"));
    let paths = at(&ds, "JM031");
    for path in [
        "/extensions/acme/score",
        "/extensions/acme/tags/1",
        "/touchpoints/0/x-weights/1",
        "/touchpoints/0/x-weights/2/deep",
        "/x-total",
    ] {
        assert!(paths.contains(&path.to_owned()), "{path} not in {paths:?}");
    }
}

#[test]
fn too_deep_and_circular_structures_are_one_jm003_where_the_limit_is_hit() {
    let limit = Limits::default().max_depth;
    let ds = validate(&vector("too-deep.json"));
    assert_eq!(ds.len(), 1, "{ds:?}");
    let pointer = format!("/x-deep{}", "/a".repeat(limit - 1));
    assert_eq!(
        (ds[0].code.as_str(), ds[0].path.as_str()),
        ("JM003", pointer.as_str())
    );
    assert!(ds[0].message.contains("or the structure is circular"));
    // The walk is depth first in member order: the map's own arrays, one level below each copy
    // of the map, reach the limit first (/touchpoints/0/measures at depth 65).
    let ds = validate(&vector("circular-object.json"));
    assert_eq!(ds.len(), 1, "{ds:?}");
    let pointer = format!("{}/touchpoints/0/measures", "/x-self".repeat(limit - 3));
    assert_eq!(
        (ds[0].code.as_str(), ds[0].path.as_str()),
        ("JM003", pointer.as_str())
    );
    let ds = validate(&vector("circular-array.json"));
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(ds[0].code.as_str(), "JM003");
    assert!(
        ds[0]
            .path
            .starts_with("/touchpoints/1/x-siblings/1/x-siblings/1/x-siblings"),
        "{}",
        ds[0].path
    );
    // One level less deep is fine.
    let mut v = json!({});
    for _ in 0..limit - 1 {
        v = json!({ "x-a": v });
    }
    assert!(at(&validate(&v), "JM003").is_empty());
    v = json!({ "x-a": v });
    assert_eq!(at(&validate(&v), "JM003"), ["/x-a".repeat(limit)]);
}

#[test]
fn integral_floats_become_integers_and_other_floats_stay_floats() {
    let doc = vector("integral-floats.json");
    assert!(validate(&doc).iter().all(|d| !d.is_error()));
    let text = io::to_string(&io::from_object(&read(&doc)).unwrap()).unwrap();
    for part in [
        r#""score":5,"#,
        r#""big":1e+300"#,
        r#""safe":9007199254740991,"#,
        r#""unsafe":9007199254740992.0"#,
        r#""negative_zero":0"#,
        r#""x-counts":[0,3,2.5]"#,
        r#""measures":{"emotion":1,"effort":2,"importance":4}"#,
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
}

#[test]
fn huge_integers_and_lone_surrogates_are_reported_at_their_paths() {
    let ds = validate(&vector("big-integers.json"));
    assert_eq!(at(&ds, "JM006"), ["/x-huge", "/x-negative-huge"]);
    assert!(ds.iter().all(|d| d.code.as_str() == "JM006"), "{ds:?}");
    let text = serde_json::to_string(read(&vector("big-integers.json")).value().unwrap()).unwrap();
    assert!(
        text.contains(r#""x-large":1.2345678901234568e+29"#),
        "{text}"
    );
    assert!(text.contains(r#""x-small":7"#), "{text}");

    let ds = validate(&vector("lone-surrogates.json"));
    assert_eq!(at(&ds, "JM002"), ["/title", "/touchpoints/0/name"]);
    assert_eq!(ds.len(), 2, "{ds:?}");
    let input = read(&vector("lone-surrogates.json"));
    assert_eq!(input.value().unwrap()["x-ok"], "\u{1F600}");
}

#[test]
fn plain_json_values_give_what_validate_value_gives() {
    // Without anything JSON text cannot carry, the walker changes nothing: every fixture of
    // testdata/invalid/ that parses gives the same diagnostics both ways.
    let mut compared = 0;
    for file in common::json_files("testdata/invalid") {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let direct = validate_value(&value, &Limits::default()).diagnostics;
        let input = ObjectInput::read(&&value, &Limits::default()).unwrap();
        assert_eq!(input.diagnostics(), &[], "{}", file.display());
        assert_eq!(
            validate_object(&input, &Limits::default()).diagnostics,
            direct,
            "{}",
            file.display()
        );
        compared += 1;
    }
    assert!(compared > 30, "{compared}");
}

/// A host value built in the test, for what the vectors cannot say: absent members, host types
/// JSON does not have, keys that are not strings, host errors.
#[derive(Debug, Clone)]
enum Fake {
    Host(Host<Fake>),
    Fails,
}

impl HostValue for Fake {
    type Error = &'static str;

    fn read(&self) -> Result<Host<Fake>, &'static str> {
        match self {
            Fake::Host(h) => Ok(h.clone()),
            Fake::Fails => Err("a getter threw"),
        }
    }
}

fn obj(members: Vec<(HostKey, Fake)>) -> Fake {
    Fake::Host(Host::Object(members))
}

fn key(k: &str) -> HostKey {
    HostKey::Str(k.to_owned())
}

#[test]
fn absent_members_are_skipped_and_host_types_are_reported() {
    let doc = obj(vec![
        (key("format_version"), Fake::Host(Host::Str("1.0".into()))),
        (key("missing"), Fake::Host(Host::Absent)),
        (key("x-fn"), Fake::Host(Host::Other("function".into()))),
        (
            key("x-list"),
            Fake::Host(Host::Array(vec![
                Fake::Host(Host::Absent),
                Fake::Host(Host::Int(1)),
            ])),
        ),
        (
            HostKey::Other {
                type_name: "int".into(),
                text: "1".into(),
            },
            Fake::Host(Host::Null),
        ),
        (
            HostKey::NotUnicode("\u{FFFD}".into()),
            Fake::Host(Host::Null),
        ),
    ]);
    let input = ObjectInput::read(&doc, &Limits::default()).unwrap();
    let value = input.value().unwrap();
    assert!(value.get("missing").is_none());
    assert_eq!(value["x-fn"], Value::Null);
    assert_eq!(value["x-list"], json!([null, 1]));
    let ds: Vec<(String, String, String)> = input
        .diagnostics()
        .iter()
        .map(|d| (d.code.to_string(), d.path.to_string(), d.message.clone()))
        .collect();
    assert_eq!(
        ds,
        [
            (
                "JM011".into(),
                "/x-fn".into(),
                "a value of type function has no JSON form; a map holds objects, arrays, strings, numbers, booleans and null".into()
            ),
            (
                "JM011".into(),
                "/x-list/0".into(),
                "a value of type undefined has no JSON form; a map holds objects, arrays, strings, numbers, booleans and null".into()
            ),
            (
                "JM011".into(),
                "/1".into(),
                "a key of type int is not a string; object keys are strings".into()
            ),
            (
                "JM002".into(),
                "/\u{FFFD}".into(),
                "a key is not valid Unicode (it holds a lone surrogate)".into()
            ),
        ]
    );
    // The schema's type errors at the replaced paths are not reported again.
    let report = validate_object(&input, &Limits::default());
    assert_eq!(
        at(&report.diagnostics, "JM011"),
        ["/x-fn", "/x-list/0", "/1"]
    );
    assert!(io::from_object(&input).is_err());
}

#[test]
fn a_host_error_stops_the_walk_and_is_handed_back() {
    let doc = obj(vec![(key("x-a"), Fake::Fails)]);
    assert_eq!(
        ObjectInput::read(&doc, &Limits::default()).unwrap_err(),
        "a getter threw"
    );
}

#[test]
fn the_recursion_is_bounded_whatever_the_limits_say() {
    // A walk recurses once per level: a limit above serde_json's (128) is capped to it.
    let limits = Limits {
        max_depth: 100_000,
        ..Limits::default()
    };
    let mut v = json!(1);
    for _ in 0..200 {
        v = json!([v]);
    }
    let input = ObjectInput::read(&&v, &limits).unwrap();
    assert_eq!(input.value(), None);
    assert_eq!(input.diagnostics()[0].path, "/0".repeat(128));
}

/// A generated host tree: numbers of every kind (non-finite and integral floats included),
/// strings, arrays and objects.
#[derive(Debug, Clone)]
enum Gen {
    Float(f64),
    Int(i64),
    Str(String),
    Arr(Vec<Gen>),
    Obj(Vec<Gen>),
}

impl Gen {
    fn host(&self) -> Fake {
        Fake::Host(match self {
            Gen::Float(f) => Host::Float(*f),
            Gen::Int(i) => Host::Int(*i),
            Gen::Str(s) => Host::Str(s.clone()),
            Gen::Arr(items) => Host::Array(items.iter().map(Gen::host).collect()),
            Gen::Obj(items) => Host::Object(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (key(&format!("k/{i}")), v.host()))
                    .collect(),
            ),
        })
    }

    /// Checks the walked value against the tree; returns the pointers of non-finite numbers.
    fn check(&self, value: &Value, at: &str, non_finite: &mut Vec<String>) {
        match self {
            Gen::Float(f) if !f.is_finite() => {
                assert_eq!(value, &Value::Null, "{at}");
                non_finite.push(at.to_owned());
            }
            Gen::Float(f) => {
                assert_eq!(value.as_f64(), Some(*f), "{at}");
                let integral = f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0;
                assert_eq!(value.is_i64(), integral, "{at}: {f} read as {value}");
            }
            Gen::Int(i) => assert_eq!(value.as_i64(), Some(*i), "{at}"),
            Gen::Str(s) => assert_eq!(value.as_str(), Some(s.as_str()), "{at}"),
            Gen::Arr(items) => {
                let got = value.as_array().unwrap();
                assert_eq!(got.len(), items.len());
                for (i, (g, v)) in items.iter().zip(got).enumerate() {
                    g.check(v, &format!("{at}/{i}"), non_finite);
                }
            }
            Gen::Obj(items) => {
                let got = value.as_object().unwrap();
                assert_eq!(got.len(), items.len());
                for (i, g) in items.iter().enumerate() {
                    g.check(&got[&format!("k/{i}")], &format!("{at}/k~1{i}"), non_finite);
                }
            }
        }
    }
}

fn gen_tree() -> impl proptest::strategy::Strategy<Value = Gen> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        any::<f64>().prop_map(Gen::Float),
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(-0.0),
            Just(9_007_199_254_740_991.0),
            Just(9_007_199_254_740_992.0),
            (-1000i32..1000).prop_map(f64::from),
        ]
        .prop_map(Gen::Float),
        any::<i64>().prop_map(Gen::Int),
        "[a-z~/]{0,6}".prop_map(Gen::Str),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Gen::Arr),
            proptest::collection::vec(inner, 0..6).prop_map(Gen::Obj),
        ]
    })
}

proptest::proptest! {
    /// Whatever the tree, the walk gives every number back (integral floats within ±(2^53 − 1)
    /// as integers), `null` and one JM031 for each non-finite number at its own pointer, in
    /// document order, and nothing else.
    #[test]
    fn every_non_finite_number_and_only_those_are_reported(tree in gen_tree()) {
        let input = ObjectInput::read(&tree.host(), &Limits::default()).unwrap();
        let mut non_finite = Vec::new();
        tree.check(input.value().unwrap(), "", &mut non_finite);
        let reported: Vec<String> = input.diagnostics().iter().map(|d| {
            assert_eq!(d.code.as_str(), "JM031");
            d.path.to_string()
        }).collect();
        proptest::prop_assert_eq!(reported, non_finite);
    }
}
