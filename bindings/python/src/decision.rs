//! Decisions as Python values: `Decision`, its `Refusal`s and `Basis`, and
//! the `EffectiveRight`s with their provenance.
//!
//! A role crosses the boundary as a `str` (the code of a built-in role,
//! `"administrator"`) or an `int` (the number of a custom role). Decisions
//! keep the library's value and convert a field only when it is read, so a
//! check costs one small allocation on the Python side.

use kabinet::{Coded, RoleRef};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

/// A role as Python sees it: `str` for built-in roles, `int` for custom ones.
pub fn role_to_py(py: Python<'_>, role: RoleRef) -> PyResult<Py<PyAny>> {
    match role {
        RoleRef::BuiltIn(b) => b.code().into_py_any(py),
        RoleRef::Custom(id) => id.0.into_py_any(py),
    }
}

/// What an allowed decision rests on: `kind` is `head`, `role`, `grant` or
/// `power_of_attorney` (the decision's `delegation` names the chain);
/// `role` names the role for `kind == "role"`.
#[pyclass(frozen, module = "kabinet")]
pub struct Basis(pub kabinet::Basis);

#[pymethods]
impl Basis {
    /// `head`, `role`, `grant` or `power_of_attorney`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.code()
    }

    /// The role (a built-in role's code or a custom role's number) when `kind == "role"`.
    #[getter]
    fn role(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.0 {
            kabinet::Basis::Role(r) => role_to_py(py, r).map(Some),
            _ => Ok(None),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Basis>().is_ok_and(|o| o.get().0 == self.0)
    }

    fn __repr__(&self) -> String {
        match self.0 {
            kabinet::Basis::Role(r) => format!("Basis(role={r})"),
            b => format!("Basis({})", b.code()),
        }
    }
}

/// One reason a request is refused, with its stable code.
#[pyclass(frozen, module = "kabinet")]
pub struct Refusal(pub kabinet::Refusal);

#[pymethods]
impl Refusal {
    /// The stable code, e.g. `access.signature_too_weak`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The reason in Russian.
    #[getter]
    fn message_ru(&self) -> String {
        self.0.message_ru()
    }

    /// The reason in English.
    #[getter]
    fn message_en(&self) -> String {
        self.0.message_en()
    }

    /// The reason's fields in their JSON form (`{"refusal": ..., ...}`).
    #[getter]
    fn details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("Refusal({:?})", self.0.code())
    }
}

/// The answer to an access request. A value, not an exception.
#[pyclass(frozen, module = "kabinet")]
pub struct Decision(pub kabinet::Decision);

#[pymethods]
impl Decision {
    /// Whether the request is allowed.
    #[getter]
    fn allowed(&self) -> bool {
        self.0.allowed
    }

    /// The right asked for (its code).
    #[getter]
    fn right(&self) -> &'static str {
        self.0.right.code()
    }

    /// The signature level the right requires.
    #[getter]
    fn required_signature(&self) -> &'static str {
        self.0.required_signature.as_str()
    }

    /// What the permission rests on, when the actor holds the right.
    #[getter]
    fn basis(&self) -> Option<Basis> {
        self.0.basis.map(Basis)
    }

    /// Every reason the request is refused; empty when allowed.
    #[getter]
    fn refusals(&self) -> Vec<Refusal> {
        self.0.refusals.iter().cloned().map(Refusal).collect()
    }

    /// The codes of the refusals, in order.
    #[getter]
    fn refusal_codes(&self) -> Vec<&'static str> {
        self.0.refusal_codes()
    }

    /// The chain of powers of attorney the permission rests on (`number`,
    /// `principal`, `powers`, `valid_until`, `chain` of links with their
    /// numbers and issuers), when the basis is `power_of_attorney`.
    #[getter]
    fn delegation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.0.delegation)
    }

    /// A one-line explanation in Russian.
    fn explain_ru(&self) -> String {
        self.0.explain_ru()
    }

    /// A one-line explanation in English.
    fn explain_en(&self) -> String {
        self.0.explain_en()
    }

    /// The decision in its JSON form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.0)
    }

    fn __bool__(&self) -> bool {
        self.0.allowed
    }

    fn __repr__(&self) -> String {
        format!("Decision({})", self.0.explain_en())
    }
}

/// A right held, with every source that gives it.
#[pyclass(frozen, module = "kabinet")]
pub struct EffectiveRight(pub kabinet::EffectiveRight);

#[pymethods]
impl EffectiveRight {
    /// The right's code.
    #[getter]
    fn right(&self) -> &'static str {
        self.0.right.code()
    }

    /// Every source giving it: headship, each role, an individual grant.
    #[getter]
    fn sources(&self) -> Vec<Basis> {
        self.0.sources.iter().copied().map(Basis).collect()
    }

    /// The powers of attorney giving it, each with its number and expiry.
    #[getter]
    fn powers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.0.powers)
    }

    fn __repr__(&self) -> String {
        let s: Vec<String> = self
            .0
            .sources
            .iter()
            .map(|b| match b {
                kabinet::Basis::Role(r) => format!("role {r}"),
                b => b.code().to_owned(),
            })
            .collect();
        format!(
            "EffectiveRight({:?}, [{}])",
            self.0.right.code(),
            s.join(", ")
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Basis>()?;
    m.add_class::<Refusal>()?;
    m.add_class::<Decision>()?;
    m.add_class::<EffectiveRight>()?;
    Ok(())
}
