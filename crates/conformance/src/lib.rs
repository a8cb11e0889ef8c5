//! Conformance runs: each scenario of the feature files is walked through a
//! target (the harness playing the applicant and the operators), the
//! evidence is gathered — the harness's monotonic timing of its own calls,
//! the target's event history, the mocks' journals — and a pure judge turns
//! (model, evidence, calendar) into a verdict per step.

pub mod judge;
pub mod plan;
pub mod run;
