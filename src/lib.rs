//! The `reglament` command line: raw flags (clap) are validated into settings,
//! then handed to the libraries in crates/ (model, lint, calendar, …).

pub mod cli;
pub mod exit;
