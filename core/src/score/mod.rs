//! Scores of a journey map.
