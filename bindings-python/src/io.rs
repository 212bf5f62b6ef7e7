//! Reading and writing maps as JSON (core `io`), and the JSON Schema of the format.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use journeymap::validate::{Limits, ObjectInput};

use crate::convert::{self, Input, PyHost};
use crate::errors::{self, guard};
use crate::map::JourneyMap;

/// The JSON Schema of format v1, as a dict.
#[pyfunction]
pub fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || convert::from_value(py, &journeymap::json_schema()))
}

/// Reads and validates a map file (`str` or `os.PathLike`).
#[pyfunction]
pub fn load(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let path = convert::path(path)?;
        py.detach(|| journeymap::io::from_path(&path))
            .map(JourneyMap::from)
            .map_err(|e| errors::io(py, e))
    })
}

/// Reads and validates a map from JSON text (`str` or `bytes`).
#[pyfunction]
pub fn loads(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let result = match convert::input(text, false, "loads()") {
            Ok(Input::Text(t)) => py.detach(|| journeymap::io::from_str(&t)),
            Ok(Input::Bytes(b)) => py.detach(|| journeymap::io::from_slice(&b)),
            Ok(Input::Object(_) | Input::Path(_)) => {
                return Err(PyTypeError::new_err(
                    "loads() takes JSON text (str or bytes)",
                ));
            }
            Err(convert::Error::Invalid(d)) => return Err(errors::invalid(py, d)),
            Err(convert::Error::Py(e)) => return Err(e),
        };
        result.map(JourneyMap::from).map_err(|e| errors::io(py, e))
    })
}

#[pymethods]
impl JourneyMap {
    /// Validates a dict and builds a map from it.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            if data.cast::<PyDict>().is_err() {
                return Err(PyTypeError::new_err(format!(
                    "from_dict() takes a dict, got {}",
                    convert::type_name(data)
                )));
            }
            let input = ObjectInput::read(&PyHost(data.clone()), &Limits::default())?;
            py.detach(|| journeymap::io::from_object(&input))
                .map(Self::from)
                .map_err(|e| errors::io(py, e))
        })
    }

    /// Reads and validates JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        guard(py, || {
            py.detach(|| journeymap::io::from_str(text))
                .map(Self::from)
                .map_err(|e| errors::io(py, e))
        })
    }

    /// The map as a dict (`x-` keys and `extensions` included).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::to_python(py, &self.inner))
    }

    /// The map as JSON text; indented when `indent` is true.
    #[pyo3(signature = (indent=false))]
    fn to_json(&self, py: Python<'_>, indent: bool) -> PyResult<String> {
        guard(py, || {
            let r = if indent {
                journeymap::io::to_string_pretty(&self.inner)
            } else {
                journeymap::io::to_string(&self.inner)
            };
            r.map_err(|e| errors::io(py, e))
        })
    }
}
