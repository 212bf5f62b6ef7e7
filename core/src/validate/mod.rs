//! Validation: every problem in a map, each with a stable code, severity and JSON pointer.
//!
//! The pipeline for raw input: size limit → UTF-8 → JSON parse (nesting limit, duplicate keys)
//! → size limits on the parsed document (nodes, edges, personas, other objects) → structural
//! check against the published schema (every violation) → deserialization → semantic rules
//! (references, scales, the journey graph). Nothing stops at the first problem: a report holds
//! all of them (see [`Report`] for their order). A limit that is exceeded stops the pipeline
//! there, so that no later step runs on an oversized input.
//!
//! Text is first read in place ([`tape`]): for the usual map, with no parse problem, within the
//! limits and valid against the schema, that skips building a `serde_json::Value`; any other
//! text takes the full pipeline above, which says what is wrong and where. Both end in the same
//! semantic rules and the same placement of diagnostics, so the report is the same either way.

mod anchors;
pub mod object;
mod parse;
mod position;
mod semantic;
mod source;
mod structural;
mod tape;
mod tape_de;

use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;

pub use object::{HostValue, ObjectInput, validate_object};
pub(crate) use semantic::effect_errors;
pub(crate) use source::{Bounded, read_bounded};

use crate::diagnostics::{Code, Diagnostic, JsonPointer, Severity, codes};
use crate::model::JourneyMap;

/// Bounds on the input, so that no document can exhaust memory or time.
///
/// Every rule runs in time linear in the size of the document, except the journey-graph rules,
/// which walk the graph once per persona: `max_personas` bounds that product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes (default 64 MiB). JM001.
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects (default 64; a map needs about 6). JM003.
    pub max_depth: usize,
    /// Most touchpoints plus outcomes (default 10,000). JM007.
    pub max_nodes: usize,
    /// Most transitions (default 100,000). JM008.
    pub max_edges: usize,
    /// Most personas (default 100; a map usually has 3 to 5). JM053.
    pub max_personas: usize,
    /// Most stages, channels, entries, opportunities and opportunity effects together (default
    /// 100,000). JM053.
    pub max_objects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 10_000,
            max_edges: 100_000,
            max_personas: 100,
            max_objects: 100_000,
        }
    }
}

/// Every diagnostic found in one document.
///
/// Order: for text input ([`validate_str`], [`validate_bytes`], [`validate_path`]) the report is
/// sorted by line, then column, like compiler output; diagnostics at the same position keep the
/// order of the rules that found them (parse, then structural, then semantic), and one without
/// a position (an input that is too large or cannot be read) comes first. For a parsed value ([`validate_value`]) or a map built in code
/// ([`validate_map`]) there are no positions: structural diagnostics come first, sorted by JSON
/// pointer, then the semantic ones in rule order. For a host object ([`validate_object`]) the
/// walker's diagnostics (non-finite numbers, values JSON cannot hold) come first, in document
/// order, then those of the value.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The diagnostics, in the order described above.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether the map can be used: no diagnostic of severity error.
    pub fn is_valid(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }
}

fn error(code: Code, path: &str, message: String) -> Diagnostic {
    Diagnostic::new(code, path, message)
}

/// Validates JSON text; diagnostics carry line and column.
pub fn validate_str(text: &str, limits: &Limits) -> Report {
    check_str(text, limits).0
}

/// Validates raw bytes (must be UTF-8 JSON).
pub fn validate_bytes(bytes: &[u8], limits: &Limits) -> Report {
    check_bytes(bytes, limits).0
}

/// Validates a JSON file. The file's size is checked from its metadata before anything is read,
/// and at most `limits.max_bytes + 1` bytes are ever read, so an oversized file is JM001 without
/// being loaded. A file that cannot be read gives a report with one JM009 error.
pub fn validate_path(path: impl AsRef<std::path::Path>, limits: &Limits) -> Report {
    let path = path.as_ref();
    match read_bounded(path, limits.max_bytes) {
        Ok(Bounded::Bytes(bytes)) => validate_bytes(&bytes, limits),
        Ok(Bounded::TooLarge(len)) => Report {
            diagnostics: vec![too_large(len, limits)],
        },
        Err(e) => Report {
            diagnostics: vec![io_error(path, &e)],
        },
    }
}

/// The JM009 diagnostic of a file that cannot be read.
pub(crate) fn io_error(path: &std::path::Path, e: &std::io::Error) -> Diagnostic {
    error(
        codes::IO_ERROR,
        "",
        format!("cannot read {}: {e}", path.display()),
    )
}

/// Validates an already parsed JSON value.
pub fn validate_value(value: &Value, limits: &Limits) -> Report {
    check_value(value, limits).0
}

/// Validates a map built in code: the same rules as for JSON input, plus non-finite numbers and
/// extra fields whose key does not start with `x-`.
pub fn validate_map(map: &JourneyMap) -> Report {
    let mut diagnostics = semantic::check(
        map,
        semantic::Options {
            unknown_fields: true,
        },
    );
    if let Ok(value) = serde_json::to_value(map) {
        // Shape rules with fixed ranges (probabilities, shares, ...) come from the schema. A
        // non-finite number serializes as null: keep the semantic report of it, not a type error.
        let non_finite: Vec<JsonPointer> = diagnostics
            .iter()
            .filter(|d| d.code == codes::NON_FINITE)
            .map(|d| d.path.clone())
            .collect();
        let structural = structural::check(&value)
            .into_iter()
            .filter(|d| d.code != codes::UNKNOWN_FIELD && !non_finite.contains(&d.path));
        let mut all: Vec<Diagnostic> = structural.collect();
        all.append(&mut diagnostics);
        diagnostics = all;
    }
    Report { diagnostics }
}

pub(crate) fn check_bytes(bytes: &[u8], limits: &Limits) -> (Report, Option<JourneyMap>) {
    if bytes.len() > limits.max_bytes {
        return (
            Report {
                diagnostics: vec![too_large(u64::try_from(bytes.len()).ok(), limits)],
            },
            None,
        );
    }
    match utf8(bytes) {
        Ok(text) => check_str(text, limits),
        Err(d) => (
            Report {
                diagnostics: vec![d],
            },
            None,
        ),
    }
}

/// `bytes` as UTF-8 text, or the JM002 diagnostic at the line and column of the first invalid
/// byte.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let last_line = valid.rsplit(|&b| b == b'\n').next().unwrap_or(valid);
        let column = String::from_utf8_lossy(last_line).chars().count() + 1;
        let mut d = error(
            codes::NOT_UTF8,
            "",
            format!(
                "the input is not UTF-8: invalid byte at offset {}",
                e.valid_up_to()
            ),
        );
        d.line = u32::try_from(line).ok();
        d.column = u32::try_from(column).ok();
        d
    })
}

/// The JM001 diagnostic; `len` is the input's size when known.
pub(crate) fn too_large(len: Option<u64>, limits: &Limits) -> Diagnostic {
    let max = limits.max_bytes;
    let message = match len {
        Some(len) => format!("the input is {len} bytes, more than the limit of {max} bytes"),
        None => format!("the input is larger than the limit of {max} bytes"),
    };
    error(codes::INPUT_TOO_LARGE, "", message)
}

pub(crate) fn check_str(text: &str, limits: &Limits) -> (Report, Option<JourneyMap>) {
    if text.len() > limits.max_bytes {
        return (
            Report {
                diagnostics: vec![too_large(u64::try_from(text.len()).ok(), limits)],
            },
            None,
        );
    }
    fast_check(text, limits).unwrap_or_else(|| full_check(text, limits))
}

/// Every rule on text of a size within the limit, from a parsed `Value`: the path that says
/// what is wrong and where.
fn full_check(text: &str, limits: &Limits) -> (Report, Option<JourneyMap>) {
    let parsed = parse::parse(text, limits.max_depth);
    let mut diagnostics = parsed.diagnostics;
    let mut map = None;
    if let Some(value) = parsed.value {
        // The parser already held the nesting to the limit.
        let (report, checked) = check_parsed(&value, limits);
        diagnostics.extend(report.diagnostics);
        map = checked;
    }
    position::fill_positions(text, &parsed.anchors, &mut diagnostics);
    // Compiler order: by position in the text (the sort is stable, so ties keep rule order).
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    if diagnostics.iter().any(Diagnostic::is_error) {
        map = None;
    }
    (Report { diagnostics }, map)
}

/// The common case, read in place ([`tape`]): no parse problem, within the limits, valid against
/// the schema and readable as a map. Anything else (`None`) takes the full path of
/// [`check_str`], which says what and where; the semantic rules and positions are shared, so
/// the report is the same either way.
fn fast_check(text: &str, limits: &Limits) -> Option<(Report, Option<JourneyMap>)> {
    let tape = tape::build(text, limits.max_depth)?;
    let root = tape::TapeNode::root(&tape)?;
    if !matches!(root.kind(), tape::Kind::Object(_))
        || size_limit(root, limits).is_some()
        || !structural::tape_is_valid(root)
    {
        return None;
    }
    let map = JourneyMap::deserialize(root).ok()?;
    let mut diagnostics = semantic::check(
        &map,
        semantic::Options {
            unknown_fields: false,
        },
    );
    position::fill_positions(text, &tape.anchors, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    let valid = !diagnostics.iter().any(Diagnostic::is_error);
    Some((Report { diagnostics }, valid.then_some(map)))
}

pub(crate) fn check_value(value: &Value, limits: &Limits) -> (Report, Option<JourneyMap>) {
    if parse::depth_exceeds(value, limits.max_depth) {
        let d = error(
            codes::TOO_DEEP,
            "",
            format!(
                "arrays and objects are nested deeper than {} levels",
                limits.max_depth
            ),
        );
        return (
            Report {
                diagnostics: vec![d],
            },
            None,
        );
    }
    check_parsed(value, limits)
}

/// The checks after parsing: size limits, the schema, reading the map, the semantic rules.
fn check_parsed(value: &Value, limits: &Limits) -> (Report, Option<JourneyMap>) {
    if let Some(d) = size_limit(value, limits) {
        return (
            Report {
                diagnostics: vec![d],
            },
            None,
        );
    }
    let mut diagnostics = structural::check(value);
    // Read without tracking paths (the fast way); only a failure is read again to find where.
    let read = JourneyMap::deserialize(value)
        .map_err(|_| serde_path_to_error::deserialize::<_, JourneyMap>(value).err());
    let map = match read {
        Ok(map) => Some(map),
        Err(e) => {
            if let (true, Some(e)) = (diagnostics.is_empty(), e) {
                diagnostics.push(error(
                    codes::CANNOT_DESERIALIZE,
                    &JsonPointer::from_serde_path(e.path()),
                    e.inner().to_string(),
                ));
            }
            None
        }
    };
    if let Some(map) = &map {
        diagnostics.extend(semantic::check(
            map,
            semantic::Options {
                unknown_fields: false,
            },
        ));
    }
    let valid = !diagnostics.iter().any(Diagnostic::is_error);
    (Report { diagnostics }, map.filter(|_| valid))
}

/// The first size limit `value` exceeds, as a diagnostic (JM007, JM008 or JM053).
fn size_limit<T: Tree>(value: T, limits: &Limits) -> Option<Diagnostic> {
    let count = |key: &str| value.member(key).map_or(0, Tree::items);
    let nodes = count("touchpoints") + count("outcomes");
    if nodes > limits.max_nodes {
        return Some(error(
            codes::TOO_MANY_NODES,
            "",
            format!(
                "the map has {nodes} touchpoints and outcomes, more than the limit of {}",
                limits.max_nodes
            ),
        ));
    }
    let edges = count("transitions");
    if edges > limits.max_edges {
        return Some(error(
            codes::TOO_MANY_EDGES,
            "/transitions",
            format!(
                "the map has {edges} transitions, more than the limit of {}",
                limits.max_edges
            ),
        ));
    }
    let personas = count("personas");
    if personas > limits.max_personas {
        return Some(error(
            codes::TOO_MANY_OBJECTS,
            "/personas",
            format!(
                "the map has {personas} personas, more than the limit of {}",
                limits.max_personas
            ),
        ));
    }
    let effects: usize = value
        .member("opportunities")
        .map(Tree::elements)
        .into_iter()
        .flatten()
        .filter_map(|o| o.member("effects"))
        .map(|e| {
            [
                "measures",
                "transitions",
                "removed_transitions",
                "removed_touchpoints",
            ]
            .iter()
            .map(|k| e.member(k).map_or(0, Tree::items))
            .sum::<usize>()
        })
        .sum();
    let objects =
        count("stages") + count("channels") + count("entries") + count("opportunities") + effects;
    if objects > limits.max_objects {
        return Some(error(
            codes::TOO_MANY_OBJECTS,
            "",
            format!(
                "the map has {objects} stages, channels, entries, opportunities and effects, more than the limit of {}",
                limits.max_objects
            ),
        ));
    }
    None
}

/// What the size limits read of a document, parsed or read in place.
trait Tree: Copy {
    /// The member `key` of an object.
    fn member(self, key: &str) -> Option<Self>;
    /// The number of items of an array (0 for anything else).
    fn items(self) -> usize;
    /// The items of an array (none for anything else).
    fn elements(self) -> impl Iterator<Item = Self>;
}

impl Tree for &Value {
    fn member(self, key: &str) -> Option<Self> {
        self.get(key)
    }

    fn items(self) -> usize {
        self.as_array().map_or(0, Vec::len)
    }

    fn elements(self) -> impl Iterator<Item = Self> {
        self.as_array().into_iter().flatten()
    }
}

impl Tree for tape::TapeNode<'_> {
    fn member(self, key: &str) -> Option<Self> {
        self.get(key)
    }

    fn items(self) -> usize {
        self.array_len()
    }

    fn elements(self) -> impl Iterator<Item = Self> {
        let array = matches!(self.kind(), tape::Kind::Array(_));
        self.children().filter(move |_| array)
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod fast_tests;
