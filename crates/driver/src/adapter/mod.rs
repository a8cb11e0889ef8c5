//! Adapter files: testing a system through its own HTTP API.
//!
//! An adapter file (TOML, docs/adapter.md) maps each operation of the
//! Driver contract to a request of the other system — method, templated
//! path, headers and body — and maps its answer back: which HTTP statuses
//! mean ok, refused or not found, and JSON paths (with value maps) that build
//! each field of the contract's answer. [`AdapterTarget`] is the [`Target`]
//! driven by such a file, so a contractor's system is tested unchanged.
//!
//! Everything that can be checked is checked when the file is loaded —
//! unknown operations and keys, malformed JSON paths, unknown template
//! variables, filters and maps, missing rules for required fields — and each
//! complaint names the file, line and column ([`AdapterError`]).
//!
//! [`Target`]: crate::Target

mod extract;
mod format;
mod jsonpath;
mod operation;
mod svalue;
mod target;
mod template;

pub use format::AdapterFile;
pub use target::AdapterTarget;

use std::fmt;
use std::ops::Range;

/// A problem with an adapter file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdapterError {
    /// The file as it was named to [`AdapterFile::load`] (or the origin given
    /// to [`AdapterFile::parse`]).
    pub file: String,
    /// 1-based line and column, where the problem has a place in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for AdapterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for AdapterError {}

/// A complaint at a place in the file (a byte range), before the file's name
/// and lines are known.
#[derive(Debug)]
pub(crate) struct At {
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl At {
    pub fn new(span: &Range<usize>, message: impl Into<String>) -> At {
        At {
            span: Some(span.clone()),
            message: message.into(),
        }
    }

    /// A complaint about the file as a whole.
    pub fn file(message: impl Into<String>) -> At {
        At {
            span: None,
            message: message.into(),
        }
    }

    pub fn locate(self, file: &str, text: &str) -> AdapterError {
        let (line, column) = match self.span {
            Some(span) => {
                let (l, c) = line_column(text, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        AdapterError {
            file: file.to_string(),
            line,
            column,
            message: self.message,
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
