//! `journeymap.validate` (core `validate`).

use journeymap::validate::{Limits, ObjectInput};
use pyo3::prelude::*;

use crate::convert::{self, Input, PyHost};
use crate::diagnostics::{Diagnostic, diagnostics};
use crate::errors::guard;
use crate::map::JourneyMap;

/// Every problem in a map; never raises for an invalid map. `obj` is a path (`os.PathLike`, or
/// a `str` that is not JSON; a `.mmd` or `.csv` file is read as Mermaid or CSV), JSON text
/// (`bytes`, or a `str` that is JSON or starts with `{`/`[`) or a Python value (dict, list, ...)
/// read by the core's object walker. A file that cannot be read gives a JM009 diagnostic.
#[pyfunction]
pub fn validate(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
    guard(py, || {
        let limits = Limits::default();
        let found = match convert::input(obj, true, "validate()") {
            Ok(Input::Text(t)) => {
                py.detach(|| journeymap::validate::validate_str(&t, &limits).diagnostics)
            }
            Ok(Input::Bytes(b)) => {
                py.detach(|| journeymap::validate::validate_bytes(&b, &limits).diagnostics)
            }
            Ok(Input::Object(o)) => {
                let input = ObjectInput::read(&PyHost(o), &limits)?;
                py.detach(|| journeymap::validate::validate_object(&input, &limits).diagnostics)
            }
            Ok(Input::Path(p)) => py.detach(|| {
                let options = journeymap::io::ReadOptions {
                    limits,
                    ..Default::default()
                };
                journeymap::io::read_path(&p, None, &options)
                    .map_or_else(|e| e.to_diagnostics(), |i| i.diagnostics)
            }),
            Err(convert::Error::Invalid(d)) => return Ok(vec![Diagnostic::from(d)]),
            Err(convert::Error::Py(e)) => return Err(e),
        };
        Ok(diagnostics(found))
    })
}

#[pymethods]
impl JourneyMap {
    /// Every problem of the map (warnings and notes included; a loaded map has no errors).
    fn validate(&self, py: Python<'_>) -> PyResult<Vec<Diagnostic>> {
        guard(py, || {
            let report = py.detach(|| journeymap::validate::validate_map(&self.inner));
            Ok(diagnostics(report.diagnostics))
        })
    }
}
