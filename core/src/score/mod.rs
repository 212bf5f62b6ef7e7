//! Scores of a journey map.

use crate::validate::CodeInfo;

/// Diagnostic codes the scoring engine can report (JM1xx).
pub const CODES: &[CodeInfo] = &[];
