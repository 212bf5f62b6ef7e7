//! Pictures of a map, as self-contained SVG: the journey map of a persona ([`journey_svg`]:
//! stages as columns, lanes for actions, touchpoints, the emotion curve, pains and gains and
//! opportunities, moments of truth numbered by priority) and the flow view ([`flow_svg`]:
//! touchpoints by stage, outcomes at the right, moves as arrows whose width is the expected
//! flow). Several personas can be drawn together: their curves overlaid on one journey map, or
//! their flows added up over the customer base.
//!
//! Pictures are deterministic (the same map and scores give the same bytes), use no external
//! font or image, and are accessible: a `<title>` and a `<desc>` that says what the picture
//! shows, real `<text>` for every label, and the full wording of every shortened label in a
//! `<title>`. docs/pictures.md describes how to read them.

mod curve;
mod flow;
mod flow_boxes;
mod flow_canvas;
mod flow_draw;
mod flow_labels;
mod flow_loops;
mod flow_space;
mod frame;
mod journey;
mod journey_curve;
mod journey_lanes;
mod layout;
mod num;
mod svg;
mod text;
mod theme;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use frame::state_name;
pub(crate) use svg::esc;

use crate::diagnostics::{Code, Diagnostic, ErrorKind, ErrorReport, codes};
use crate::model::{JourneyMap, MapIndex, Persona};
use crate::score::{self, PersonaScores, Scores, ScoringConfig};

/// Errors of picture calls.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The persona asked for is unknown (JM104) or has no journey to draw (JM100).
    #[error(transparent)]
    Scoring(#[from] score::Error),
    /// The picture options are not valid (JM400).
    #[error("invalid picture options at \"{path}\": {message}")]
    InvalidOptions {
        /// JSON pointer into the options.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// The stable code of the error.
    pub fn code(&self) -> Code {
        match self {
            Error::Scoring(e) => e.code(),
            Error::InvalidOptions { .. } => codes::INVALID_PICTURE_OPTIONS,
        }
    }

    /// The kind of failure: the scoring error of the persona asked for, or invalid options.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Scoring(e) => e.kind(),
            Error::InvalidOptions { .. } => ErrorKind::Render,
        }
    }

    /// The error as the bindings raise it: kind, code, message and diagnostics.
    pub fn report(&self) -> ErrorReport {
        match self {
            Error::Scoring(e) => e.report(),
            Error::InvalidOptions { .. } => {
                ErrorReport::new(self.kind(), self.code(), self, self.to_diagnostics())
            }
        }
    }

    /// The error as diagnostics (code, severity, path, message).
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Scoring(e) => e.to_diagnostics(),
            Error::InvalidOptions { path, message } => vec![Diagnostic::new(
                self.code(),
                path.clone(),
                format!("invalid picture options: {message}"),
            )],
        }
    }
}

/// Which picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, Hash)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// The journey map: stages, lanes, emotion curve, moments of truth.
    #[default]
    Journey,
    /// The flow view: moves as arrows whose width is the expected flow.
    Flow,
}

impl std::str::FromStr for View {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "journey" => Ok(View::Journey),
            "flow" => Ok(View::Flow),
            other => Err(Error::InvalidOptions {
                path: "/view".to_owned(),
                message: format!("view must be \"journey\" or \"flow\", got \"{other}\""),
            }),
        }
    }
}

/// Whose journey a picture shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Personas {
    /// The first persona of the map that has a journey.
    #[default]
    First,
    /// One persona, by id.
    One(String),
    /// Every persona with a journey: curves overlaid (journey map) or flows added up over the
    /// customer base, each persona weighted by its share (flow view).
    All,
}

/// How a picture is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How many moments of truth are numbered on the journey map (default 5).
    pub moments: usize,
    /// Prefix of every id inside the picture (default `jm`), so that several pictures can share
    /// one HTML page.
    pub id: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            moments: 5,
            id: "jm".to_owned(),
        }
    }
}

/// Everything a picture call of the CLI or a binding says: the view, whose journey, how many
/// moments of truth. Read from JSON by [`SvgOptions::from_json`] (unknown keys are JM400).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SvgOptions {
    /// `journey` (default) or `flow`.
    pub view: View,
    /// A persona id; default: the first persona with a journey.
    pub persona: Option<String>,
    /// Every persona in one picture (not with `persona`).
    #[serde(alias = "allPersonas")]
    pub all_personas: bool,
    /// How many moments of truth to number (default 5).
    pub moments: Option<usize>,
}

impl SvgOptions {
    /// Options from JSON text (JM400 with a JSON pointer when they are not valid).
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::InvalidOptions {
                path: String::new(),
                message: e.to_string(),
            })?;
        Self::from_value(value)
    }

    /// Reads options from a JSON value (JM400 at a pointer into the options when they are not
    /// valid).
    pub fn from_value(value: serde_json::Value) -> Result<Self, Error> {
        let options: SvgOptions =
            serde_path_to_error::deserialize(value).map_err(|e| Error::InvalidOptions {
                path: pointer(e.path()),
                message: e.inner().to_string(),
            })?;
        options.personas()?;
        Ok(options)
    }

    /// Reads options from a host object (a JavaScript object) read by
    /// [`ObjectInput::read`](crate::validate::ObjectInput::read): what the walk reports is the
    /// error, at its pointer; then as [`SvgOptions::from_value`].
    pub fn from_object(input: crate::validate::ObjectInput) -> Result<Self, Error> {
        match input.into_value() {
            Ok(value) => Self::from_value(value),
            Err(d) => Err(Error::InvalidOptions {
                path: d.path.into(),
                message: d.message,
            }),
        }
    }

    /// Whose journey these options ask for (JM400 for both `persona` and `all_personas`).
    pub fn personas(&self) -> Result<Personas, Error> {
        match (&self.persona, self.all_personas) {
            (Some(_), true) => Err(Error::InvalidOptions {
                path: "/all_personas".to_owned(),
                message: "give either a persona or all_personas, not both".to_owned(),
            }),
            (Some(id), false) => Ok(Personas::One(id.clone())),
            (None, true) => Ok(Personas::All),
            (None, false) => Ok(Personas::First),
        }
    }

    /// The drawing options these options ask for.
    pub fn options(&self) -> Options {
        Options {
            moments: self.moments.unwrap_or(5),
            ..Options::default()
        }
    }
}

/// A serde path as a JSON pointer.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// One persona as drawn: its map entry, its scores, its colour index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Drawn<'a> {
    pub persona: &'a Persona,
    pub scores: &'a PersonaScores,
    pub colour: usize,
}

/// The personas a picture shows, in the map's order (empty when no persona has a journey).
pub(crate) fn drawn<'a>(
    map: &'a JourneyMap,
    scores: &'a Scores,
    personas: &Personas,
) -> Result<Vec<Drawn<'a>>, Error> {
    let scored: Vec<Drawn<'a>> = map
        .personas
        .iter()
        .filter_map(|p| scores.persona(&p.id).map(|s| (p, s)))
        .enumerate()
        .map(|(colour, (persona, scores))| Drawn {
            persona,
            scores,
            colour,
        })
        .collect();
    match personas {
        Personas::All => Ok(scored),
        Personas::First => Ok(scored.into_iter().take(1).collect()),
        Personas::One(id) => {
            scores.persona_report(map, id)?;
            Ok(scored
                .into_iter()
                .filter(|d| d.persona.id == *id)
                .map(|d| Drawn { colour: 0, ..d })
                .take(1)
                .collect())
        }
    }
}

/// The journey map of one persona, or of every persona with their curves overlaid. Errors:
/// JM104 for an unknown persona, JM100 for a persona without journey.
pub fn journey_svg(
    map: &JourneyMap,
    scores: &Scores,
    personas: &Personas,
    options: &Options,
) -> Result<String, Error> {
    journey_svg_in(map, &map.index(), scores, personas, options)
}

/// [`journey_svg`] with the map's index built by the caller (a report draws many pictures of
/// one map).
pub(crate) fn journey_svg_in(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    scores: &Scores,
    personas: &Personas,
    options: &Options,
) -> Result<String, Error> {
    let drawn = drawn(map, scores, personas)?;
    Ok(journey::draw(
        map,
        index,
        scores,
        &drawn,
        matches!(personas, Personas::All),
        options,
    ))
}

/// The flow view of one persona, or of the customer base (every persona weighted by its
/// share). Errors: JM104 for an unknown persona, JM100 for a persona without journey.
pub fn flow_svg(
    map: &JourneyMap,
    scores: &Scores,
    personas: &Personas,
    options: &Options,
) -> Result<String, Error> {
    flow_svg_in(map, &map.index(), scores, personas, options)
}

/// [`flow_svg`] with the map's index built by the caller.
pub(crate) fn flow_svg_in(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    scores: &Scores,
    personas: &Personas,
    options: &Options,
) -> Result<String, Error> {
    let drawn = drawn(map, scores, personas)?;
    Ok(flow_draw::draw(
        map,
        index,
        scores,
        &drawn,
        matches!(personas, Personas::All),
        options,
    ))
}

/// Scores the map with `config` and draws the picture `request` asks for: what the CLI and the
/// bindings call.
pub fn svg(
    map: &JourneyMap,
    config: &ScoringConfig,
    request: &SvgOptions,
) -> Result<String, Error> {
    let personas = request.personas()?;
    let scores = map.score(config);
    let options = request.options();
    match request.view {
        View::Journey => journey_svg(map, &scores, &personas, &options),
        View::Flow => flow_svg(map, &scores, &personas, &options),
    }
}
