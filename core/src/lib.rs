//! # journeymap
//!
//! Customer journey maps as a real model: personas, stages, channels and touchpoints joined by
//! a graph of transitions, loaded from a published JSON format (v1), validated with stable
//! diagnostic codes, and scored with published methods (peak-end rule, SERVQUAL gap, CES,
//! importance-performance analysis, absorbing Markov chains and removal effect).

#![warn(missing_docs)]

pub mod analytics;
pub mod io;
pub mod model;
pub mod render;
pub mod score;
pub mod validate;

pub use model::{JourneyMap, json_schema};
pub use validate::{Code, Diagnostic, Severity};

// The README's Rust examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
