//! `journeymap schema`: the JSON Schema of format v1.

use std::process::ExitCode;

pub(crate) fn run() -> ExitCode {
    crate::common::print_json(&journeymap::json_schema())
}
