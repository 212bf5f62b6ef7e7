//! The core crate's tests, in one test binary (one link, one process; each module is one
//! concern, named as the file it lives in).

mod common;
#[path = "../../benches/support/generated.rs"]
mod generated;
mod pictures;

mod csv;
mod diagnostics_doc;
mod events;
mod events_properties;
mod fixtures;
mod layers;
mod malformed;
mod mermaid;
mod objects;
mod opportunities;
mod opportunity_properties;
mod opportunity_x_fields;
mod properties;
mod render;
mod render_flow;
mod render_properties;
mod schema;
mod score_properties;
mod scoring;
