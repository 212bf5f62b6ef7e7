//! Reports for people: the text reports of the CLI (scores, comparisons, opportunities) and the
//! HTML summary of a map.

mod html;
mod opportunities;
mod text;

pub use html::html_summary;
pub use opportunities::text_opportunities;
pub use text::{text_diff, text_report};
