//! Which touchpoint (or outcome) of a designed map each activity of a log stands for.
//!
//! As CSV: a header with the columns `activity` and `touchpoint` (the id of a touchpoint or of an
//! outcome of the map), and optionally `channel`: a row with a channel applies only to events on
//! that channel and takes precedence over a row without one. Rows with an empty activity or
//! target, or repeating an activity (and channel) already mapped, are reported (JM332) and left
//! out; ids the map does not have are an error (JM331).

use std::io::Read;

use foldhash::HashMap;
use serde::Serialize;

use super::{Error, RowIssue};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::JourneyMap;

/// Activity → touchpoint or outcome id, optionally per channel.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ActivityMapping {
    /// (activity, channel, target id), in input order.
    pub rows: Vec<(String, Option<String>, String)>,
    /// Rows left out (JM332).
    pub issues: Vec<RowIssue>,
}

/// What a step of the log stands for in a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// A touchpoint, by position in `JourneyMap::touchpoints`.
    Touchpoint(usize),
    /// An outcome, by position in `JourneyMap::outcomes`.
    Outcome(usize),
    /// Nothing: the activity is not mapped.
    Unmapped,
}

impl ActivityMapping {
    /// A mapping from `(activity, target)` pairs.
    pub fn from_pairs<A: Into<String>, T: Into<String>>(
        pairs: impl IntoIterator<Item = (A, T)>,
    ) -> Self {
        let mut m = Self::default();
        for (i, (a, t)) in pairs.into_iter().enumerate() {
            m.add(i as u64, a.into(), None, t.into());
        }
        m
    }

    /// A mapping from `(activity, channel, target)` rows (rows numbered from 0).
    pub fn from_rows<A: Into<String>, C: Into<String>, T: Into<String>>(
        rows: impl IntoIterator<Item = (A, Option<C>, T)>,
    ) -> Self {
        let mut m = Self::default();
        for (i, (a, c, t)) in rows.into_iter().enumerate() {
            m.add(i as u64, a.into(), c.map(Into::into), t.into());
        }
        m
    }

    fn add(&mut self, row: u64, activity: String, channel: Option<String>, target: String) {
        if activity.trim().is_empty() || target.trim().is_empty() {
            self.issues.push(RowIssue::new(
                row,
                codes::MAPPING_ROW_REJECTED,
                "empty activity or touchpoint",
            ));
        } else if self
            .rows
            .iter()
            .any(|(a, c, _)| *a == activity && *c == channel)
        {
            self.issues.push(RowIssue::new(
                row,
                codes::MAPPING_ROW_REJECTED,
                format!("activity \"{activity}\" is already mapped; the first mapping is kept"),
            ));
        } else {
            self.rows
                .push((activity, channel, target.trim().to_owned()));
        }
    }

    /// Reads the CSV form (see the module documentation). Rows are numbered by line.
    pub fn from_csv<R: Read>(reader: R) -> Result<Self, Error> {
        let mut csv = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(reader);
        let mut records = csv.records();
        let header: Vec<String> = match records.next() {
            Some(Ok(h)) => h
                .iter()
                .map(|f| f.trim_start_matches('\u{feff}').trim().to_owned())
                .collect(),
            Some(Err(e)) => return Err(Error::Unreadable(e.to_string())),
            None => {
                return Err(Error::Unreadable(
                    "the activity mapping is empty".to_owned(),
                ));
            }
        };
        let find = |name: &str| header.iter().position(|h| h == name);
        let missing = |name: &str| Error::MissingColumn {
            column: name.to_owned(),
            available: header.join(", "),
        };
        let activity = find("activity").ok_or_else(|| missing("activity"))?;
        let target = find("touchpoint").ok_or_else(|| missing("touchpoint"))?;
        let channel = find("channel");
        let mut m = Self::default();
        for record in records {
            let record = record.map_err(|e| Error::Unreadable(e.to_string()))?;
            let row = record.position().map_or(0, csv::Position::line);
            if record.len() != header.len() {
                if record.len() == 1 && record.get(0) == Some("") {
                    continue;
                }
                m.issues.push(RowIssue::new(
                    row,
                    codes::MAPPING_ROW_REJECTED,
                    format!(
                        "wrong column count: expected {}, found {}",
                        header.len(),
                        record.len()
                    ),
                ));
                continue;
            }
            let get = |i: usize| record.get(i).unwrap_or("").to_owned();
            let ch = channel.map(get).filter(|c| !c.trim().is_empty());
            m.add(row, get(activity), ch, get(target));
        }
        Ok(m)
    }

    /// Reads a mapping file.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path)
            .map_err(|e| Error::Unreadable(format!("{}: {e}", path.display())))?;
        Self::from_csv(std::io::BufReader::new(file))
    }

    /// Checks every target against the map (JM331 for unknown ids).
    pub(crate) fn resolve(&self, map: &JourneyMap) -> Result<Resolver, Error> {
        let index = map.index();
        let mut bad = Vec::new();
        let mut by_key: HashMap<(String, Option<String>), Target> = HashMap::default();
        for (i, (a, c, t)) in self.rows.iter().enumerate() {
            let target = match (index.touchpoint_position(t), index.outcome_position(t)) {
                (Some(p), _) => Target::Touchpoint(p),
                (None, Some(p)) => Target::Outcome(p),
                (None, None) => {
                    bad.push(Diagnostic::new(
                        codes::UNKNOWN_MAPPING_TARGET,
                        format!("/rows/{i}/touchpoint"),
                        format!("activity \"{a}\" is mapped to \"{t}\", which is neither a touchpoint nor an outcome of map \"{}\"", map.id),
                    ));
                    continue;
                }
            };
            by_key.insert((a.clone(), c.clone()), target);
        }
        if !bad.is_empty() {
            return Err(Error::Mapping(bad));
        }
        Ok(Resolver { by_key })
    }

    /// Without a mapping: an activity stands for the touchpoint or outcome with the same id.
    pub(crate) fn identity(map: &JourneyMap) -> Resolver {
        let index = map.index();
        let mut by_key = HashMap::default();
        for (i, tp) in map.touchpoints.iter().enumerate() {
            if index.touchpoint_position(&tp.id) == Some(i) {
                by_key.insert((tp.id.clone(), None), Target::Touchpoint(i));
            }
        }
        for (i, o) in map.outcomes.iter().enumerate() {
            if index.outcome_position(&o.id) == Some(i) && index.touchpoint(&o.id).is_none() {
                by_key.insert((o.id.clone(), None), Target::Outcome(i));
            }
        }
        Resolver { by_key }
    }
}

/// A checked mapping.
#[derive(Debug, Clone)]
pub(crate) struct Resolver {
    by_key: HashMap<(String, Option<String>), Target>,
}

impl Resolver {
    /// What an activity on a channel stands for.
    pub(crate) fn target(&self, activity: &str, channel: Option<&str>) -> Target {
        if let Some(c) = channel {
            if let Some(&t) = self.by_key.get(&(activity.to_owned(), Some(c.to_owned()))) {
                return t;
            }
        }
        self.by_key
            .get(&(activity.to_owned(), None))
            .copied()
            .unwrap_or(Target::Unmapped)
    }
}
