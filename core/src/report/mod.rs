//! Reports for people: the text reports of the CLI and the HTML summary of a map.

mod html;
mod text;

pub use html::html_summary;
pub use text::{text_diff, text_report};
