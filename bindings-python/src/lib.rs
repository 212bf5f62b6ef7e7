//! python bindings for journeymap.
