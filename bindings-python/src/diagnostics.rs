//! `journeymap.Diagnostic` and the catalogue of codes (core `diagnostics`).

use journeymap::Diagnostic as CoreDiagnostic;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert;

/// One problem found in a map.
#[pyclass(frozen, eq, module = "journeymap._native")]
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub(crate) inner: CoreDiagnostic,
}

impl From<CoreDiagnostic> for Diagnostic {
    fn from(inner: CoreDiagnostic) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl Diagnostic {
    /// Stable code, e.g. `"JM023"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// JSON pointer to the offending value (`""` is the whole document).
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// What is wrong.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// 1-based line, when the input was text.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.inner.line
    }

    /// 1-based column, when the input was text.
    #[getter]
    fn column(&self) -> Option<u32> {
        self.inner.column
    }

    /// The pointer as a list of keys and indices.
    #[getter]
    fn path_parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::path_parts(py, &self.inner)
    }

    /// The diagnostic as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("path", self.inner.path.as_str())?;
        d.set_item("message", &self.inner.message)?;
        d.set_item("line", self.inner.line)?;
        d.set_item("column", self.inner.column)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, severity={:?}, path={:?}, message={:?})",
            self.code(),
            self.severity(),
            self.inner.path,
            self.inner.message
        )
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }
}

pub fn diagnostics(ds: Vec<CoreDiagnostic>) -> Vec<Diagnostic> {
    ds.into_iter().map(Diagnostic::from).collect()
}

/// Every code of the catalogue as a dict (`journeymap.CodeEntry`): `code`, `severity`, `title`,
/// `explanation`, `link`, the records `journeymap codes --format json` prints.
#[pyfunction]
pub fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    crate::errors::guard(py, || {
        convert::to_python(py, &journeymap::diagnostics::code_entries())
    })
}
