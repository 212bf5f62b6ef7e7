//! Reports for people: the text reports of the CLI (scores, comparisons, opportunities; event
//! logs: statistics, discovery, calibration, conformance), the HTML summary of a map, and the
//! full self-contained HTML report with pictures, tables and diagnostics.

mod events;
mod html;
mod opportunities;
mod page;
mod text;

pub use events::{text_calibration, text_conformance, text_discovery, text_stats};
pub use html::{html_summary, notebook_html};
pub use opportunities::text_opportunities;
pub use page::{html, html_report};
pub use text::{text_diff, text_report};
