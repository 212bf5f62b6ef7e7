//! The object vectors of testdata/objects/ as a host value: a JSON document in which marker
//! objects stand for what JSON text cannot carry. The Python and Node suites decode the same
//! markers into their native values; this tree reads them for the core's object walker (it is
//! also compiled into xtask, which writes the vectors' expected diagnostics).
//!
//! - `{"$number": "NaN" | "Infinity" | "-Infinity"}`: a non-finite float;
//! - `{"$bigint": "<decimal digits>"}`: an integer of any size (Python `int`, JavaScript `BigInt`);
//! - `{"$utf16": [code units]}`: a string given as UTF-16 code units (possibly a lone surrogate);
//! - `{"$ref": "<JSON pointer>"}`: the value at that pointer of the document (an enclosing
//!   object makes the structure circular).
#![allow(dead_code)]

use journeymap::validate::object::{Host, HostValue};
use serde_json::Value;

/// A node of a marked document, with the document (to resolve `$ref`).
#[derive(Debug, Clone, Copy)]
pub struct Tree<'a> {
    /// The whole document.
    pub root: &'a Value,
    /// This node.
    pub node: &'a Value,
}

impl<'a> Tree<'a> {
    /// The document as a host value.
    pub fn new(root: &'a Value) -> Self {
        Self { root, node: root }
    }

    fn at(&self, node: &'a Value) -> Self {
        Self {
            root: self.root,
            node,
        }
    }
}

/// The marker of an object, if it is one: its only key and value.
fn marker(node: &Value) -> Option<(&str, &Value)> {
    let map = node.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (key, value) = map.iter().next()?;
    key.starts_with('$').then_some((key.as_str(), value))
}

impl<'a> HostValue for Tree<'a> {
    type Error = String;

    fn read(&self) -> Result<Host<Self>, String> {
        if let Some((key, value)) = marker(self.node) {
            return match (key, value) {
                ("$number", Value::String(s)) => match s.as_str() {
                    "NaN" => Ok(Host::Float(f64::NAN)),
                    "Infinity" => Ok(Host::Float(f64::INFINITY)),
                    "-Infinity" => Ok(Host::Float(f64::NEG_INFINITY)),
                    other => Err(format!("unknown $number {other}")),
                },
                ("$bigint", Value::String(digits)) => {
                    Host::integer(digits).ok_or_else(|| format!("$bigint {digits}"))
                }
                ("$utf16", Value::Array(units)) => {
                    let units: Vec<u16> = units
                        .iter()
                        .map(|u| u.as_u64().and_then(|u| u16::try_from(u).ok()))
                        .collect::<Option<_>>()
                        .ok_or("$utf16 holds code units")?;
                    Ok(String::from_utf16(&units).map_or(Host::NotUnicode, Host::Str))
                }
                ("$ref", Value::String(pointer)) => {
                    let target = self
                        .root
                        .pointer(pointer)
                        .ok_or_else(|| format!("$ref {pointer} points nowhere"))?;
                    self.at(target).read()
                }
                _ => Err(format!("malformed marker {}", self.node)),
            };
        }
        // Plain JSON reads as the core reads a `serde_json::Value`.
        let plain = match self.node.read() {
            Ok(host) => host,
            Err(never) => match never {},
        };
        Ok(plain.map(|child| self.at(child)))
    }
}
