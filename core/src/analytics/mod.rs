//! Graph analytics on persona journey graphs.
