//! node bindings for journeymap.
