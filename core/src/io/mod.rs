//! Reading and writing maps (JSON format v1).
