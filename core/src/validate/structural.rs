//! Structural checks: the raw JSON against our own published schema.
//!
//! The shape rules live in one place, the schema generated from the model types; this module
//! only turns each violation the `jsonschema` crate reports into a diagnostic with a stable code.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use super::tape::{TapeJson, TapeNode};
use crate::diagnostics::codes;
use crate::diagnostics::{Code, Diagnostic, escape_token};

fn validator() -> Result<&'static Validator, Diagnostic> {
    static VALIDATOR: OnceLock<Result<Validator, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            jsonschema::draft202012::new(&crate::json_schema()).map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|message| {
            Diagnostic::new(
                codes::SCHEMA_VIOLATION,
                "",
                format!("the built-in schema cannot be compiled: {message}"),
            )
        })
}

/// The same schema, for values read in place from the text (see [`super::tape`]).
fn tape_validator() -> Option<&'static Validator<TapeJson>> {
    static VALIDATOR: OnceLock<Option<Validator<TapeJson>>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            jsonschema::options_for::<TapeJson>()
                .with_draft(jsonschema::Draft::Draft202012)
                .build(&crate::json_schema())
                .ok()
        })
        .as_ref()
}

/// Whether the object `node` satisfies the schema (the yes-or-no walk; the errors of an
/// invalid map are collected on the full path).
pub(crate) fn tape_is_valid(node: TapeNode<'_>) -> bool {
    tape_validator().is_some_and(|v| v.is_valid(node))
}

/// Every violation of the schema by `value`, in document order.
pub(crate) fn check(value: &Value) -> Vec<Diagnostic> {
    if !value.is_object() {
        return vec![Diagnostic::new(
            codes::NOT_AN_OBJECT,
            "",
            format!("a journey map is a JSON object, not {}", describe(value)),
        )];
    }
    let validator = match validator() {
        Ok(v) => v,
        Err(d) => return vec![d],
    };
    // The yes-or-no walk is several times faster than collecting errors: a valid map (the common
    // case) is walked once, an invalid one a second time for its errors.
    if validator.is_valid(value) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for error in validator.iter_errors(value) {
        convert(&error, &mut out);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.code.cmp(&b.code)));
    out.dedup_by(|a, b| a.path == b.path && a.code == b.code && a.message == b.message);
    out
}

/// A schema error as diagnostics: one arm per kind of schema error, each a few lines.
#[allow(
    clippy::too_many_lines,
    reason = "a flat table from schema errors to codes and messages, read best in one place"
)]
fn convert(error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
    let path = error.instance_path().as_str().to_owned();
    let instance = error.instance();
    let (code, message): (Code, String) = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                out.push(Diagnostic::new(
                    codes::UNKNOWN_FIELD,
                    format!("{path}/{}", escape_token(key)),
                    format!(
                        "unknown field \"{key}\"; keep tool-specific data in a key starting with \"x-\" or in \"extensions\""
                    ),
                ));
            }
            return;
        }
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned);
            (
                codes::MISSING_FIELD,
                format!("missing required field \"{name}\""),
            )
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(ts) => ts
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            (
                codes::WRONG_TYPE,
                format!("expected {expected}, found {}", describe(instance)),
            )
        }
        ValidationErrorKind::Enum { options } => {
            let allowed = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(Value::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            (
                codes::NOT_ALLOWED,
                format!("{instance} is not allowed; expected one of {allowed}"),
            )
        }
        ValidationErrorKind::Constant { expected_value } => (
            codes::NOT_ALLOWED,
            format!("{instance} is not allowed; expected {expected_value}"),
        ),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => (
            codes::OUT_OF_RANGE,
            format!("{instance} is below the minimum {limit}"),
        ),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => (
            codes::OUT_OF_RANGE,
            format!("{instance} is above the maximum {limit}"),
        ),
        ValidationErrorKind::Pattern { .. } => (
            codes::INVALID_STRING,
            format!("{instance} is not a valid id: ids are non-empty and contain no white space"),
        ),
        ValidationErrorKind::MaxLength { limit } => (
            codes::INVALID_STRING,
            format!("string is longer than {limit} characters"),
        ),
        ValidationErrorKind::MinLength { limit } => (
            codes::INVALID_STRING,
            format!("string is shorter than {limit} characters"),
        ),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Optional fields are `anyOf: [<type>, null]`: report why the non-null branch failed.
            let branch = context.iter().find(|errors| {
                !errors.iter().all(|e| matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null"))
            });
            if let Some(errors) = branch {
                for e in errors {
                    convert(e, out);
                }
                return;
            }
            (codes::SCHEMA_VIOLATION, error.to_string())
        }
        _ => (codes::SCHEMA_VIOLATION, error.to_string()),
    };
    out.push(Diagnostic::new(code, path, message));
}

/// A short description of a JSON value's type for messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    /// JM017 is the fallback for schema keywords without a specific code. The published schema
    /// uses none (so no map reaches it); a keyword it does not use shows the mapping.
    #[test]
    fn keywords_without_a_specific_code_are_jm017() {
        let validator = jsonschema::draft202012::new(
            &json!({"type": "object", "properties": {"tags": {"type": "array", "minItems": 2}}}),
        )
        .unwrap();
        let value = json!({"tags": ["one"]});
        let mut out = Vec::new();
        for error in validator.iter_errors(&value) {
            convert(&error, &mut out);
        }
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].code, codes::SCHEMA_VIOLATION);
        assert_eq!(out[0].path, "/tags");
        assert!(!out[0].message.is_empty());
    }

    #[test]
    fn the_published_schema_compiles() {
        assert!(validator().is_ok());
    }
}
