//! Validation: every problem in a map, each with a stable code, severity and JSON pointer.

mod diagnostic;

pub use diagnostic::{Code, CodeInfo, Diagnostic, Severity, escape_pointer_token};
