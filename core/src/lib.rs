//! # journeymap
//!
//! Customer journey maps as a real model: personas, stages, channels and touchpoints joined by
//! a graph of transitions, loaded from a published JSON format (v1), validated with stable
//! diagnostic codes, and scored with published methods (peak-end rule, SERVQUAL gap, CES,
//! importance-performance analysis, absorbing Markov chains and removal effect).
//!
//! Modules, bottom to top (each uses only those before it): [`diagnostics`] (codes, severities,
//! JSON pointers) < [`model`] (the format's types, the move-weight rule) < [`validate`] <
//! [`score`] (the Markov chain and every score) < [`io`] (reading and writing maps: JSON, Mermaid
//! `journey` diagrams, whose export follows a persona's most likely journey, and CSV tables) <
//! [`events`] (event logs: statistics, discovery, calibration, conformance) < [`render`] (SVG
//! pictures) < [`report`] (text and HTML for people).

#![warn(missing_docs)]

pub mod diagnostics;
pub mod events;
pub mod io;
pub mod model;
pub mod render;
pub mod report;
pub mod score;
pub mod validate;

pub use diagnostics::{Code, Diagnostic, JsonPointer, Severity};
pub use model::{JourneyMap, json_schema};

// The README's Rust examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
