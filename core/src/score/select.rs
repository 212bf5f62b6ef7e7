//! One persona's part of the scores, with the diagnostics that concern it: what `journeymap score
//! --persona` prints, in one place for the CLI and the bindings.

use serde::Serialize;

use super::{Error, PersonaScores, Scores};
use crate::diagnostics::{Diagnostic, PathPart};
use crate::model::JourneyMap;

/// One persona's scores with the diagnostics about it or about no persona in particular.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonaReport<'a> {
    /// The persona's scores.
    #[serde(flatten)]
    pub scores: &'a PersonaScores,
    /// Diagnostics of the scores that point at this persona or at no persona.
    pub diagnostics: Vec<&'a Diagnostic>,
}

/// The position in `map.personas` a diagnostic points at (`/personas/<i>...`), if any.
fn persona_position(d: &Diagnostic) -> Option<usize> {
    match d.path.parts().as_slice() {
        [PathPart::Key(k), PathPart::Index(i), ..] if k == "personas" => Some(*i),
        _ => None,
    }
}

impl Scores {
    /// The report of persona `id` of `map` (the map these scores are of). Errors: JM104 when the
    /// map has no such persona; JM100, with the diagnostics that say why, when the persona exists
    /// but has no journey to score.
    pub fn persona_report<'a>(
        &'a self,
        map: &JourneyMap,
        id: &str,
    ) -> Result<PersonaReport<'a>, Error> {
        let Some(position) = map.personas.iter().position(|p| p.id == id) else {
            return Err(Error::UnknownPersona(id.to_owned()));
        };
        let about = |d: &&Diagnostic| persona_position(d) == Some(position);
        let Some(scores) = self.persona(id) else {
            let mut reasons: Vec<Diagnostic> =
                self.diagnostics.iter().filter(about).cloned().collect();
            if reasons.is_empty() {
                reasons.push(Diagnostic::new(
                    crate::diagnostics::codes::PERSONA_NOT_SCORED,
                    format!("/personas/{position}"),
                    format!("persona \"{id}\" has no journey to score"),
                ));
            }
            return Err(Error::NotScored {
                persona: id.to_owned(),
                reasons,
            });
        };
        Ok(PersonaReport {
            scores,
            diagnostics: self
                .diagnostics
                .iter()
                .filter(|d| persona_position(d).is_none_or(|j| j == position))
                .collect(),
        })
    }
}
