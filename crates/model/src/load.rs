//! Finding feature files and grouping them into a [`Model`].

use crate::catalogue;
use crate::diag::{Diagnostic, Source};
use crate::model::{Model, Service};
use crate::parse::{parse_feature, ParsedFeature};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A model with the diagnostics found while reading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
    /// The feature files read, in the order they were read.
    pub files: Vec<PathBuf>,
    /// SHA-256 over the files' names and contents: which transcription a
    /// result was judged against.
    pub digest: String,
}

/// Reads every `.feature` file under `paths` (files or folders).
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            collect(p, &mut files, &mut diagnostics);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            diagnostics.push(Diagnostic::error(
                "parse",
                Source {
                    file: p.display().to_string(),
                    line: 0,
                },
                "no such file or folder",
            ));
        }
    }
    files.sort();
    files.dedup();
    let mut hasher = Sha256::new();
    let mut parsed: Vec<ParsedFeature> = Vec::new();
    for f in &files {
        let name = f.display().to_string();
        match std::fs::read_to_string(f) {
            Ok(text) => {
                hasher.update(name.as_bytes());
                hasher.update([0]);
                hasher.update(text.as_bytes());
                if let Some(p) = parse_feature(&name, &text, &mut diagnostics) {
                    parsed.push(p);
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error(
                "parse",
                Source {
                    file: name,
                    line: 0,
                },
                format!("cannot read: {e}"),
            )),
        }
    }
    let model = group(parsed, &mut diagnostics);
    Loaded {
        model,
        diagnostics,
        files,
        digest: format!("sha256:{:x}", hasher.finalize()),
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                "parse",
                Source {
                    file: dir.display().to_string(),
                    line: 0,
                },
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out, diags);
        } else if path.extension().is_some_and(|e| e == "feature") {
            out.push(path);
        }
    }
}

/// Groups channel documents by service, in catalogue order, and checks that
/// the channel files of one service agree on the act they transcribe.
fn group(parsed: Vec<ParsedFeature>, diags: &mut Vec<Diagnostic>) -> Model {
    let mut services: Vec<Service> = Vec::new();
    for entry in catalogue::SERVICES.iter() {
        let mut docs: Vec<_> = parsed.iter().filter(|p| p.service_id == entry.id).collect();
        if docs.is_empty() {
            continue;
        }
        docs.sort_by_key(|p| {
            entry
                .channels
                .iter()
                .position(|c| *c == p.doc.channel)
                .unwrap_or(usize::MAX)
        });
        let mut seen = Vec::new();
        docs.retain(|p| {
            if seen.contains(&p.doc.channel) {
                diags.push(Diagnostic::error(
                    "bad-tag",
                    Source {
                        file: p.doc.file.clone(),
                        line: 1,
                    },
                    format!("a second feature file for {} / {}", entry.id, p.doc.channel),
                ));
                false
            } else {
                seen.push(p.doc.channel);
                true
            }
        });
        let first = &docs[0].doc.regulation_fields;
        for p in &docs[1..] {
            let f = &p.doc.regulation_fields;
            for (name, a, b) in [
                ("title_kk", &first.title_kk, &f.title_kk),
                ("act", &first.act, &f.act),
                ("seed", &first.seed, &f.seed),
            ] {
                if a != b {
                    diags.push(Diagnostic::warning(
                        "bad-tag",
                        Source {
                            file: p.doc.file.clone(),
                            line: 1,
                        },
                        format!("{name} differs from {}", docs[0].doc.file),
                    ));
                }
            }
        }
        services.push(Service {
            id: entry.id.to_string(),
            title_kk: first.title_kk.clone(),
            title_en: first.title_en.clone(),
            seed: first.seed.clone(),
            act: first.act.clone(),
            channels: docs.into_iter().map(|p| p.doc.clone()).collect(),
        });
    }
    Model { services }
}
