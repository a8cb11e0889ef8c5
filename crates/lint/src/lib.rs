//! The linter: what is wrong with a transcription, or with the act it keeps.
//!
//! Graph checks run twice: on the table as the harness reads it (errata
//! applied), where every finding is the transcriber's to fix, and on the
//! act's verbatim text, where findings that the errata resolve become notes
//! (`act-anomaly`), so an auditor sees every anomaly of the act and how it
//! was read.

mod coverage;
mod graph;
mod paths;

pub use coverage::{Coverage, TableCoverage};

use reglament_model::{Diagnostic, Loaded, Severity, Source};
use serde::Serialize;

/// Everything `reglament lint` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub diagnostics: Vec<Diagnostic>,
    pub coverage: Coverage,
    pub summary: Summary,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Report {
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }
}

/// Lints a loaded model; the loader's own diagnostics come first.
pub fn lint(loaded: &Loaded) -> Report {
    let mut diags = loaded.diagnostics.clone();
    let mut tables = Vec::new();
    for (service, doc) in loaded.model.documents() {
        for table in &doc.tables {
            graph::check_table(table, &mut diags);
            paths::check_scenarios(doc, table, &mut diags);
            let cov = coverage::measure(&service.id, doc, table);
            cov.report_gaps(table, &mut diags);
            tables.push(cov);
        }
        for term in &doc.terms {
            for e in &term.errata {
                diags.push(graph::erratum_note(e));
            }
        }
    }
    missing_channels(loaded, &mut diags);
    diags.sort_by(|a, b| {
        (
            &a.source.file,
            a.source.line,
            std::cmp::Reverse(a.severity),
            a.code,
        )
            .cmp(&(
                &b.source.file,
                b.source.line,
                std::cmp::Reverse(b.severity),
                b.code,
            ))
    });
    diags.dedup();
    let mut summary = Summary::default();
    for d in &diags {
        match d.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Note => summary.notes += 1,
        }
    }
    Report {
        schema: "reglament.lint/1",
        diagnostics: diags,
        coverage: Coverage::total(tables),
        summary,
    }
}

/// A service that is transcribed must be transcribed for every channel its act describes.
fn missing_channels(loaded: &Loaded, diags: &mut Vec<Diagnostic>) {
    for service in &loaded.model.services {
        let Some(entry) = reglament_model::catalogue::service(&service.id) else {
            continue;
        };
        let first = &service.channels[0].file;
        for ch in entry.channels {
            if !service.channels.iter().any(|c| c.channel == *ch) {
                diags.push(Diagnostic::warning(
                    "missing-channel",
                    Source {
                        file: first.clone(),
                        line: 1,
                    },
                    format!(
                        "{} has no {ch}.feature, though its act describes that channel",
                        service.id
                    ),
                ));
            }
        }
    }
}
