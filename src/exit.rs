//! Documented exit codes. They are part of reglament's stable interface: CI
//! pipelines gate on them.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Code {
    /// Everything passed (lint: nothing worse than a warning).
    Pass = 0,
    /// A conformance or budget failure of the target.
    Failure = 1,
    /// Usage, configuration or feature-file error.
    Usage = 2,
    /// The target or the mocks cannot be reached.
    Unreachable = 3,
}

impl From<Code> for ExitCode {
    fn from(c: Code) -> Self {
        ExitCode::from(c as u8)
    }
}
