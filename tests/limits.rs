//! Every time-limit spelling that occurs in the transcribed acts, with the
//! budget it parses into, pinned in tests/golden/limits.txt. A new spelling,
//! or a change in how one parses, fails this test until a person has looked
//! at the reading (`REGLAMENT_BLESS=1 cargo test --test limits` rewrites the
//! file; review the diff).

use reglament_model::{load, parse_limit, ErratumField, TermKind};
use std::collections::BTreeMap;
use std::path::PathBuf;

const GOLDEN: &str = "tests/golden/limits.txt";

fn spellings() -> BTreeMap<String, String> {
    let loaded = load(&[PathBuf::from("features")]);
    let mut raw: Vec<String> = Vec::new();
    for service in &loaded.model.services {
        for doc in &service.channels {
            for t in doc.terms.iter().filter(|t| t.kind == TermKind::Time) {
                raw.push(t.value.clone());
            }
            for table in &doc.tables {
                for step in &table.steps {
                    raw.push(step.limit_raw.clone());
                    for e in step
                        .errata
                        .iter()
                        .filter(|e| e.field == ErratumField::Limit)
                    {
                        raw.push(e.read_as.clone());
                    }
                }
            }
            for t in &doc.terms {
                for e in t.errata.iter().filter(|e| e.field == ErratumField::Limit) {
                    raw.push(e.read_as.clone());
                }
            }
        }
    }
    raw.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| {
            let parsed = serde_json::to_string(&parse_limit(&s)).expect("serialisable");
            (s, parsed)
        })
        .collect()
}

#[test]
fn every_limit_spelling_of_the_acts_parses_as_reviewed() {
    let now = spellings();
    assert!(now.len() >= 20, "only {} spellings found", now.len());
    let rendered: String = now.iter().map(|(s, b)| format!("{s}\t=> {b}\n")).collect();
    if std::env::var_os("REGLAMENT_BLESS").is_some() {
        std::fs::write(GOLDEN, &rendered).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    let want: BTreeMap<&str, &str> = golden
        .lines()
        .filter_map(|l| l.split_once("\t=> "))
        .collect();
    let mut problems = Vec::new();
    for (s, b) in &now {
        match want.get(s.as_str()) {
            None => problems.push(format!("new spelling, not reviewed: \"{s}\" => {b}")),
            Some(w) if w != b => {
                problems.push(format!("\"{s}\" now parses as {b}, reviewed as {w}"))
            }
            _ => {}
        }
    }
    for s in want.keys().filter(|s| !now.contains_key(**s)) {
        problems.push(format!("stale: \"{s}\" no longer occurs in features/"));
    }
    assert!(
        problems.is_empty(),
        "{}\n(review, then REGLAMENT_BLESS=1 cargo test --test limits)",
        problems.join("\n")
    );
}
