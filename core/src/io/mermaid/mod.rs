//! Mermaid `journey` diagrams: import and export (docs/mermaid.md).
//!
//! Import follows Mermaid's own grammar (`journey.jison` and `journeyDb` in mermaid-js): the
//! `journey` header; `title` (text up to `#`, `;` or the line end); `accTitle: ...`;
//! `accDescr: ...` and the `accDescr { ... }` block; `%%` comments and `#` comments to the end of
//! the line; `section NAME` (a name cannot hold `:`, `#` or `;`; `<br>` breaks it into lines);
//! tasks `Name: SCORE[: actor, actor]`; tasks before any section belong to an unnamed section;
//! keywords in any case. Entities such as `#59;` stand for the characters Mermaid's grammar
//! cannot hold.
//!
//! The map: sections are stages (one per distinct name), tasks are touchpoints in order, chained
//! by transitions for each persona and ending in the success outcome `completed`; actors are
//! personas (a task without actors applies to all; the persona `customer` is added when no task
//! names one); every touchpoint is on the channel `unspecified` (Mermaid has no channels); ids are
//! slugs of the names, made unique. A score `s` on Mermaid's 1..5 becomes the emotion
//! `min + (s - 1) / 4 × (max - min)` on the map's emotion scale (the default -2..+2 gives
//! `s - 3`); a score that is not a number (JM202) or outside 1..5 (JM203) is an error.
//!
//! Export writes one persona's most likely journey (or every persona's, merged) with the map's
//! title and an `accDescr`, scores mapped back with `1 + 4 × (e - min) / (max - min)`.

mod build;
mod export;
mod lexer;
mod parse;
mod text;

use super::Error;
use super::imported::{Imported, ReadOptions};
use crate::model::{JourneyMap, Scale};
use crate::validate;

/// Key of the map's `x-` field that keeps the diagram's `accTitle`.
pub const ACC_TITLE_KEY: &str = "x-mermaid-acc-title";

/// Mermaid's score `s` (1..5) on the emotion scale: `min + (s - 1) / 4 × (max - min)`.
pub fn score_to_emotion(score: f64, scale: &Scale) -> f64 {
    scale.min + (score - 1.0) / 4.0 * (scale.max - scale.min)
}

/// An emotion on `scale` as Mermaid's score: `1 + 4 × (e - min) / (max - min)` (not clamped).
pub fn emotion_to_score(emotion: f64, scale: &Scale) -> f64 {
    1.0 + 4.0 * scale.unit(emotion)
}

/// Reads a diagram: the map built from what could be read, with every diagnostic (see
/// [`Imported`]).
pub fn read(text: &str, options: &ReadOptions) -> Imported {
    if text.len() > options.limits.max_bytes {
        return Imported::failed(validate::too_large(
            u64::try_from(text.len()).ok(),
            &options.limits,
        ));
    }
    let mut diagnostics = Vec::new();
    let Some(diagram) = parse::parse(text, &mut diagnostics) else {
        return Imported {
            map: None,
            diagnostics,
        };
    };
    let (map, sources) = build::build(&diagram, options.name.as_deref());
    Imported::finish(map, diagnostics, &sources, &options.limits)
}

/// Reads a diagram from bytes, which must be UTF-8 (JM002 otherwise).
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Imported {
    if bytes.len() > options.limits.max_bytes {
        return Imported::failed(validate::too_large(
            u64::try_from(bytes.len()).ok(),
            &options.limits,
        ));
    }
    match validate::utf8(bytes) {
        Ok(text) => read(text, options),
        Err(d) => Imported::failed(d),
    }
}

/// Reads a diagram into a valid map; [`Error::Invalid`] with every diagnostic otherwise.
pub fn from_str(text: &str) -> Result<JourneyMap, Error> {
    read(text, &ReadOptions::default()).into_result()
}

/// Writes the map as a Mermaid `journey`.
///
/// With `persona`, its most likely journey (the most likely one that succeeds, else the most
/// likely of all; its touchpoints in journey order when no outcome can be reached), with its own
/// measures. Without, the single persona's journey; with several personas, every persona's
/// journey merged (each touchpoint once, in the map's touchpoint order, with the measures of the
/// first persona that visits it); with none, every touchpoint in journey order.
///
/// Sections follow the stages along the way (a new `section` line at every change of stage).
/// Each task lists its touchpoint's personas as actors (none when it applies to all). Names are
/// written so that Mermaid reads them back as they are: `:`, `#`, `;` (and `,` in actors) as
/// entities (`#58;`, `#35;`, `#59;`, `#44;`), which Mermaid renders as the characters; line
/// breaks as `<br>`. A touchpoint without an emotion is written with the neutral score 3 and a
/// `%%` comment saying so; scores outside 1..5 are clamped.
///
/// [`Error::Export`] (JM206) when `persona` is not a persona of the map.
pub fn to_string(map: &JourneyMap, persona: Option<&str>) -> Result<String, Error> {
    export::export(map, persona)
}

impl JourneyMap {
    /// Reads a Mermaid `journey` diagram into a valid map (see [`from_str`]).
    pub fn from_mermaid(text: &str) -> Result<Self, Error> {
        from_str(text)
    }

    /// Writes the map as a Mermaid `journey` (see [`to_string`]).
    pub fn to_mermaid(&self, persona: Option<&str>) -> Result<String, Error> {
        to_string(self, persona)
    }
}
