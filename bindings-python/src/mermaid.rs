//! Mermaid `journey` diagrams (core `io::mermaid`): `journeymap.from_mermaid` and
//! `JourneyMap.to_mermaid`.

use journeymap::io::Format;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::convert;
use crate::errors::{self, guard};
use crate::map::JourneyMap;

/// Reads a Mermaid `journey` diagram: text (`str`), UTF-8 `bytes`, or a file (`os.PathLike`).
/// Raises `ValidationError` with every diagnostic (line and column included) when it has errors.
#[pyfunction]
pub fn from_mermaid(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let source = convert::source(source, false)?;
        let result = py.detach(|| convert::read(source, Format::Mermaid));
        result.map(JourneyMap::from).map_err(|e| errors::io(py, e))
    })
}

#[pymethods]
impl JourneyMap {
    /// The map as a Mermaid `journey`: the most likely journey of `persona`, or every persona's
    /// merged when `None`. Raises `WriteError` (JM206) for an unknown persona.
    #[pyo3(signature = (persona=None))]
    fn to_mermaid(&self, py: Python<'_>, persona: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        guard(py, || {
            let persona: Option<String> = match persona {
                None => None,
                Some(p) if p.is_none() => None,
                Some(p) => Some(p.extract::<String>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "to_mermaid() takes a persona id (str) or None, got {}",
                        convert::type_name(p)
                    ))
                })?),
            };
            py.detach(|| journeymap::io::mermaid::to_string(&self.inner, persona.as_deref()))
                .map_err(|e| errors::io(py, e))
        })
    }
}
