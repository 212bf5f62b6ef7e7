//! What every importer returns: the map built from what could be read, and every diagnostic,
//! each placed at the line (Mermaid) or row (CSV) it came from.

use std::collections::HashMap;

use super::Error;
use crate::diagnostics::{Diagnostic, escape_token};
use crate::model::JourneyMap;
use crate::validate::{self, Limits};

/// Options of the importers.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Bounds on the input and on the map built from it.
    pub limits: Limits,
    /// A name for the map when the input gives none (a Mermaid diagram without `title`, any CSV
    /// table): the map's title, and its id as a slug. Readers of files pass the file's stem.
    pub name: Option<String>,
}

/// A map read from Mermaid or CSV, with every diagnostic.
///
/// `map` is what could be read even when there are errors: a CSV row or a Mermaid line with an
/// error is left out (a task with a bad score is kept without its emotion) and the rest is kept.
/// It is `None` only when nothing could be read (not a journey, not a table, too large).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The map built from what could be read.
    pub map: Option<JourneyMap>,
    /// The reader's diagnostics and the validation of the map it built, sorted by line (or row)
    /// and column; those without a position come first.
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    /// Whether there is a map and no diagnostic of severity error.
    pub fn is_valid(&self) -> bool {
        self.map.is_some() && !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The map when it is valid; otherwise [`Error::Invalid`] with every diagnostic.
    pub fn into_result(self) -> Result<JourneyMap, Error> {
        match self.map {
            Some(map) if !self.diagnostics.iter().any(Diagnostic::is_error) => Ok(map),
            _ => Err(Error::Invalid {
                diagnostics: self.diagnostics,
            }),
        }
    }

    /// Nothing could be read: one diagnostic says why.
    pub(crate) fn failed(diagnostic: Diagnostic) -> Self {
        Self {
            map: None,
            diagnostics: vec![diagnostic],
        }
    }

    /// Validates `map` as a document (limits, schema, semantic rules), places the validation's
    /// diagnostics with `sources`, and sorts everything by position.
    pub(crate) fn finish(
        map: JourneyMap,
        mut diagnostics: Vec<Diagnostic>,
        sources: &Sources,
        limits: &Limits,
    ) -> Self {
        match serde_json::to_value(&map) {
            Ok(value) => {
                let (report, _) = validate::check_value(&value, limits);
                diagnostics.extend(report.diagnostics.into_iter().map(|mut d| {
                    sources.place(&mut d);
                    d
                }));
            }
            Err(e) => diagnostics.push(Error::Json(e).to_diagnostics().remove(0)),
        }
        diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
        Self {
            map: Some(map),
            diagnostics,
        }
    }
}

/// Where the objects of a built map came from: JSON pointer → 1-based line (or row) and column.
/// A diagnostic is placed at its pointer's longest registered prefix.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    at: HashMap<String, (u32, u32)>,
}

impl Sources {
    /// Records that the value at `pointer` came from `line`, `column` (the first record wins).
    pub(crate) fn add(&mut self, pointer: String, (line, column): (u32, u32)) {
        self.at.entry(pointer).or_insert((line, column));
    }

    /// Records `pointer` built from its parts (`["touchpoints", "3", "measures"]`).
    pub(crate) fn add_parts(&mut self, parts: &[&str], at: (u32, u32)) {
        self.add(pointer(parts), at);
    }

    /// Gives `d` the position of its pointer's longest recorded prefix, if it has none yet.
    pub(crate) fn place(&self, d: &mut Diagnostic) {
        if d.line.is_some() {
            return;
        }
        let mut path = d.path.as_str();
        loop {
            if let Some(&(line, column)) = self.at.get(path) {
                d.line = Some(line);
                d.column = Some(column);
                return;
            }
            match path.rfind('/') {
                Some(i) => path = &path[..i],
                None => return,
            }
        }
    }
}

/// A JSON pointer from unescaped parts.
pub(crate) fn pointer(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        out.push('/');
        out.push_str(&escape_token(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::codes;

    #[test]
    fn places_at_the_longest_prefix() {
        let mut s = Sources::default();
        s.add_parts(&["touchpoints", "1"], (4, 1));
        s.add_parts(&["touchpoints", "1", "measures", "emotion"], (4, 9));
        s.add_parts(&["a/b"], (7, 2));
        let mut d = Diagnostic::new(codes::OUTSIDE_SCALE, "/touchpoints/1/measures/emotion", "");
        s.place(&mut d);
        assert_eq!((d.line, d.column), (Some(4), Some(9)));
        let mut d = Diagnostic::new(codes::OUTSIDE_SCALE, "/touchpoints/1/measures/effort", "");
        s.place(&mut d);
        assert_eq!((d.line, d.column), (Some(4), Some(1)));
        let mut d = Diagnostic::new(codes::OUTSIDE_SCALE, "/a~1b/c", "");
        s.place(&mut d);
        assert_eq!((d.line, d.column), (Some(7), Some(2)));
        let mut d = Diagnostic::new(codes::OUTSIDE_SCALE, "/stages/0", "");
        s.place(&mut d);
        assert_eq!(d.line, None);
    }
}
