//! The regulation model of reglament.
//!
//! Feature files (one per service and channel, see docs/feature-format.md)
//! are parsed into a typed [`Model`]: service → channel → step table → step,
//! with verbatim cells, parsed [`Budget`]s, transitions and errata. Everything
//! else in reglament — linter, runners, mocks' wiring, reports — reads this.

pub mod budget;
pub mod catalogue;
pub mod diag;
pub mod graph;
mod load;
pub mod model;
pub mod next;
pub mod parse;
pub mod scenario;

pub use budget::{parse_limit, Budget};
pub use catalogue::Channel;
pub use diag::{Diagnostic, Severity, Source};
pub use load::{load, Loaded};
pub use model::*;
pub use next::{parse_next, Transition};
