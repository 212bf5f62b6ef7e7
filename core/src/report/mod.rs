//! Reports for people: the text reports of the CLI (scores, comparisons, opportunities), the
//! HTML summary of a map, and the full self-contained HTML report with pictures, tables and
//! diagnostics.

mod html;
mod opportunities;
mod page;
mod text;

pub use html::{html_summary, notebook_html};
pub use opportunities::text_opportunities;
pub use page::{html, html_report};
pub use text::{text_diff, text_report};
