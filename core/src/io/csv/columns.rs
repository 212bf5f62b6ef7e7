//! The columns of a touchpoint table: canonical names, accepted spellings, and the scale
//! annotations of measure headers (`emotion [1..10]`, `effort [1..7 higher_is_easier]`,
//! `duration [hours]`).

use crate::model::{EffortDirection, EffortScale, Scale, Scales, TimeUnit, XFields};

/// A column of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Column {
    StageOrder,
    Stage,
    StageId,
    TouchpointId,
    Touchpoint,
    Description,
    Channel,
    ChannelId,
    ChannelKind,
    Persona,
    PersonaName,
    PersonaShare,
    CustomerAction,
    Emotion,
    ExpectedEmotion,
    Effort,
    Importance,
    Satisfaction,
    Duration,
    Volume,
    DropOff,
    Owner,
    Visibility,
    Pains,
    Gains,
    MomentOfTruth,
    Entry,
    Next,
    Outcome,
}

/// Every column in the order an export writes them, with its canonical name and the other
/// spellings accepted (after normalization: lower case, runs of spaces, `_`, `-`, `/`, `.`, `'`
/// as one `_`), French ones included.
pub(super) const LAYOUT: &[(Column, &str, &[&str])] = &[
    (
        Column::StageOrder,
        "stage_order",
        &["order", "stage_no", "stage_number", "ordre", "ordre_étape"],
    ),
    (Column::Stage, "stage", &["stage_name", "phase", "étape"]),
    (Column::StageId, "stage_id", &[]),
    (Column::TouchpointId, "touchpoint_id", &["id"]),
    (
        Column::Touchpoint,
        "touchpoint",
        &["touchpoint_name", "name", "step", "point_de_contact"],
    ),
    (Column::Description, "description", &[]),
    (Column::Channel, "channel", &["channel_name", "canal"]),
    (Column::ChannelId, "channel_id", &[]),
    (Column::ChannelKind, "channel_kind", &[]),
    (Column::Persona, "persona", &["personas", "persona_id"]),
    (Column::PersonaName, "persona_name", &["nom_persona"]),
    (
        Column::PersonaShare,
        "persona_share",
        &["share", "part_persona"],
    ),
    (
        Column::CustomerAction,
        "customer_action",
        &["action", "action_client"],
    ),
    (Column::Emotion, "emotion", &["émotion"]),
    (
        Column::ExpectedEmotion,
        "expected_emotion",
        &["expectation", "émotion_attendue"],
    ),
    (Column::Effort, "effort", &[]),
    (Column::Importance, "importance", &[]),
    (Column::Satisfaction, "satisfaction", &[]),
    (Column::Duration, "duration", &["durée"]),
    (Column::Volume, "volume", &[]),
    (Column::DropOff, "drop_off", &["dropoff", "taux_d_abandon"]),
    (Column::Owner, "owner", &["team", "responsable"]),
    (
        Column::Visibility,
        "visibility",
        &["frontstage_backstage", "front_back"],
    ),
    (Column::Pains, "pains", &["pain", "irritants"]),
    (Column::Gains, "gains", &["gain", "enchanters"]),
    (
        Column::MomentOfTruth,
        "moment_of_truth",
        &["mot", "moment_de_vérité"],
    ),
    (Column::Entry, "entry", &["entries", "start", "entrée"]),
    (
        Column::Next,
        "next",
        &["next_touchpoint", "next_touchpoints", "suivant", "suivants"],
    ),
    (Column::Outcome, "outcome", &["outcome_kind", "issue"]),
];

impl Column {
    /// Canonical name.
    pub(super) fn name(self) -> &'static str {
        LAYOUT
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, n, _)| n)
    }

    /// Whether the column holds one of the measures (numbers that may differ per persona).
    pub(super) fn is_measure(self) -> bool {
        matches!(
            self,
            Column::Emotion
                | Column::ExpectedEmotion
                | Column::Effort
                | Column::Importance
                | Column::Satisfaction
                | Column::Duration
                | Column::Volume
                | Column::DropOff
        )
    }

    /// Whether a persona row (a later row of a touchpoint) gives its own value in this column;
    /// other cells of a persona row repeat the touchpoint's, or are empty.
    pub(super) fn is_per_persona(self) -> bool {
        self.is_measure() || matches!(self, Column::Persona | Column::Entry | Column::Next)
    }
}

/// A header name with case, spacing and separators ignored.
pub(super) fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut sep = false;
    for c in name.trim().chars() {
        if c.is_whitespace() || matches!(c, '_' | '-' | '/' | '.' | '\'' | '’') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('_');
            }
            sep = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// What a header cell names.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Header {
    /// A column of the layout, with its scale annotation (the text between `[` and `]`).
    Known(Column, Option<String>),
    /// Another column, kept under this `x-` key.
    Extension(String),
    /// An empty header: its cells must be empty.
    Empty,
    /// A column that is ignored (named twice, or its name is not UTF-8): its cells are skipped.
    Ignored,
}

/// Reads a header cell.
pub(super) fn header(text: &str) -> Header {
    let text = text.trim();
    if text.is_empty() {
        return Header::Empty;
    }
    // The format's extension keys start with a lower-case `x-`: `X-Color` is kept as `x-Color`.
    if let Some((prefix, rest)) = text.split_at_checked(2)
        && prefix.eq_ignore_ascii_case("x-")
        && !rest.is_empty()
    {
        return Header::Extension(format!("x-{rest}"));
    }
    let (name, annotation) = match (text.rfind('['), text.strip_suffix(']')) {
        (Some(open), Some(inner)) => (&text[..open], Some(inner[open + 1..].trim().to_owned())),
        _ => (text, None),
    };
    let key = normalize(name);
    LAYOUT
        .iter()
        .find(|(_, n, aliases)| *n == key || aliases.contains(&key.as_str()))
        .map_or_else(
            || Header::Extension(format!("x-{text}")),
            |&(c, _, _)| Header::Known(c, annotation),
        )
}

/// A scale annotation read: what it declares.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Annotation {
    Range(Scale),
    Effort(EffortScale),
    TimeUnit(TimeUnit),
}

/// Reads the annotation of `column` (`-2..2`, `1..7 higher_is_easier`, `hours`); `number` reads
/// a bound. `None` when the text is not one the column accepts.
pub(super) fn annotation(
    column: Column,
    text: &str,
    number: impl Fn(&str) -> Option<f64>,
) -> Option<Annotation> {
    if column == Column::Duration {
        let unit = match normalize(text).as_str() {
            "seconds" | "s" | "secondes" => TimeUnit::Seconds,
            "minutes" | "min" => TimeUnit::Minutes,
            "hours" | "h" | "heures" => TimeUnit::Hours,
            "days" | "d" | "jours" => TimeUnit::Days,
            _ => return None,
        };
        return Some(Annotation::TimeUnit(unit));
    }
    let (range, rest) = match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], text[i..].trim()),
        None => (text, ""),
    };
    let (min, max) = range.split_once("..")?;
    let (min, max) = (number(min)?, number(max)?);
    match (column, normalize(rest).as_str()) {
        (Column::Effort, "") => Some(Annotation::Effort(effort(min, max, None))),
        (Column::Effort, "higher_is_more_effort") => Some(Annotation::Effort(effort(
            min,
            max,
            Some(EffortDirection::HigherIsMoreEffort),
        ))),
        (Column::Effort, "higher_is_easier") => Some(Annotation::Effort(effort(
            min,
            max,
            Some(EffortDirection::HigherIsEasier),
        ))),
        (
            Column::Emotion | Column::ExpectedEmotion | Column::Importance | Column::Satisfaction,
            "",
        ) => Some(Annotation::Range(Scale::new(min, max))),
        _ => None,
    }
}

fn effort(min: f64, max: f64, direction: Option<EffortDirection>) -> EffortScale {
    EffortScale {
        min,
        max,
        direction,
        x: XFields::new(),
    }
}

/// The annotation an export writes on `column`'s header for the scales the map declares
/// (`None` for a scale left to its default); `number` writes a bound.
pub(super) fn annotation_text(
    column: Column,
    scales: &Scales,
    number: impl Fn(f64) -> String,
) -> Option<String> {
    let range = |s: &Scale| format!("{}..{}", number(s.min), number(s.max));
    match column {
        Column::Emotion | Column::ExpectedEmotion => scales.emotion.as_ref().map(range),
        Column::Importance => scales.importance.as_ref().map(range),
        Column::Satisfaction => scales.satisfaction.as_ref().map(range),
        Column::Effort => scales.effort.as_ref().map(|e| {
            let bounds = format!("{}..{}", number(e.min), number(e.max));
            match e.direction {
                None => bounds,
                Some(EffortDirection::HigherIsMoreEffort) => {
                    format!("{bounds} higher_is_more_effort")
                }
                Some(EffortDirection::HigherIsEasier) => format!("{bounds} higher_is_easier"),
            }
        }),
        Column::Duration => scales.time_unit.map(|u| {
            match u {
                TimeUnit::Seconds => "seconds",
                TimeUnit::Minutes => "minutes",
                TimeUnit::Hours => "hours",
                TimeUnit::Days => "days",
            }
            .to_owned()
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_tolerate_case_and_spacing() {
        assert_eq!(
            header(" Touchpoint  ID "),
            Header::Known(Column::TouchpointId, None)
        );
        assert_eq!(
            header("Frontstage/Backstage"),
            Header::Known(Column::Visibility, None)
        );
        assert_eq!(
            header("Emotion [1..10]"),
            Header::Known(Column::Emotion, Some("1..10".to_owned()))
        );
        assert_eq!(header("Region"), Header::Extension("x-Region".to_owned()));
        assert_eq!(header("X-Color"), Header::Extension("x-Color".to_owned()));
        assert_eq!(header("x-Color"), Header::Extension("x-Color".to_owned()));
        assert_eq!(header("  "), Header::Empty);
        let n = |s: &str| s.parse::<f64>().ok();
        assert_eq!(
            annotation(Column::Effort, "1..7 higher is easier", n),
            Some(Annotation::Effort(effort(
                1.0,
                7.0,
                Some(EffortDirection::HigherIsEasier)
            )))
        );
        assert_eq!(
            annotation(Column::Duration, "Hours", n),
            Some(Annotation::TimeUnit(TimeUnit::Hours))
        );
        assert_eq!(annotation(Column::Emotion, "1..x", n), None);
        assert_eq!(annotation(Column::Volume, "1..5", n), None);
        for (c, name, _) in LAYOUT {
            assert_eq!(header(name), Header::Known(*c, None));
        }
    }
}
