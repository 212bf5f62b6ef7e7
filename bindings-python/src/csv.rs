//! CSV touchpoint tables (core `io::csv`): `journeymap.from_csv` and `JourneyMap.to_csv`.

use journeymap::io::Format;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert;
use crate::errors::{self, guard};
use crate::map::JourneyMap;

/// Reads a CSV touchpoint table: a file (`os.PathLike`, or a `str` without line break), the
/// table's text (a `str` with a line break) or its bytes. A map read from a file is named after
/// it. Raises `ValidationError` with every diagnostic (row and column included) when a row has
/// errors, `ReadError` when the file cannot be read.
#[pyfunction]
pub fn from_csv(py: Python<'_>, path_or_text: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let source = convert::source(path_or_text, true)?;
        let result = py.detach(|| convert::read(source, Format::Csv));
        result.map(JourneyMap::from).map_err(|e| errors::io(py, e))
    })
}

#[pymethods]
impl JourneyMap {
    /// The map as a CSV touchpoint table; `delimiter` is `","` (decimal points) or `";"`
    /// (decimal commas, as French spreadsheets expect).
    #[pyo3(signature = (delimiter=","))]
    fn to_csv(&self, py: Python<'_>, delimiter: &str) -> PyResult<String> {
        guard(py, || {
            let delimiter = match delimiter {
                "," => b',',
                ";" => b';',
                other => {
                    return Err(PyValueError::new_err(format!(
                        "to_csv() takes delimiter=\",\" or \";\", got {other:?}"
                    )));
                }
            };
            let options = journeymap::io::csv::WriteOptions {
                delimiter,
                bom: false,
            };
            py.detach(|| journeymap::io::csv::to_string_with(&self.inner, &options))
                .map_err(|e| errors::io(py, e))
        })
    }
}
