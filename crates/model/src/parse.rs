//! Feature files → [`ChannelDoc`]s, with every problem reported at `file:line`.
//!
//! Parsing never stops at the first problem in a file that Gherkin could read:
//! it collects diagnostics and keeps what it could make sense of, so one lint
//! run shows an author everything to fix.

use crate::budget::{parse_limit, Budget};
use crate::catalogue::{self, Channel};
use crate::diag::{Diagnostic, Source};
use crate::model::*;
use crate::next::parse_next;
use crate::scenario::{parse_phrase, Scenario, ScenarioStep};
use std::collections::{BTreeMap, HashMap};

/// A feature file read into the model, before it is grouped by service.
#[derive(Debug, Clone)]
pub struct ParsedFeature {
    pub service_id: String,
    pub doc: ChannelDoc,
}

const STEP_COLUMNS: [&str; 8] = [
    "n",
    "actor",
    "action_kk",
    "action_en",
    "completion_kk",
    "limit",
    "next",
    "outcome",
];
const ERRATA_COLUMNS: [&str; 5] = ["at", "field", "act_says", "read_as", "why"];
const TERM_COLUMNS: [&str; 6] = ["term", "kind", "text_kk", "text_ru", "value", "source"];
const STATUS_COLUMNS: [&str; 4] = ["status", "kk", "ru", "source"];
const REGULATION_FIELDS: [&str; 5] = ["title_kk", "title_en", "act", "seed", "table"];

/// Parses one feature file. `file` is how the file is named in diagnostics.
pub fn parse_feature(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<ParsedFeature> {
    let at = |line: usize| Source {
        file: file.to_string(),
        line,
    };
    // The gherkin crate accepts some ragged tables without complaint; the
    // model needs every row complete, so check the cell counts first.
    if let Some(line) = first_ragged_table_row(text) {
        diags.push(ragged_row(file, line));
        return None;
    }
    let feature = match gherkin::Feature::parse(text, gherkin::GherkinEnv::default()) {
        Ok(f) => f,
        Err(e) => {
            diags.push(syntax_error(file, &e));
            return None;
        }
    };
    let feature_at = at(feature.position.line);

    // Tags: @service:ID @channel:CH @seed:NNN [@regulation:K]
    let mut tags: HashMap<&str, &str> = HashMap::new();
    for tag in &feature.tags {
        if let Some((k, v)) = tag.split_once(':') {
            tags.insert(k, v);
        }
    }
    let service_id = tags.get("service").copied().unwrap_or_default().to_string();
    let entry = catalogue::service(&service_id);
    if entry.is_none() {
        diags.push(
            Diagnostic::error(
                "bad-tag",
                feature_at.clone(),
                format!("unknown or missing @service tag \"{service_id}\""),
            )
            .with_hint(format!(
                "one of: {}",
                catalogue::SERVICES.map(|s| s.id).join(", ")
            )),
        );
    }
    let channel = match tags.get("channel").map(|c| c.parse::<Channel>()) {
        Some(Ok(c)) => Some(c),
        Some(Err(msg)) => {
            diags.push(Diagnostic::error("bad-tag", feature_at.clone(), msg));
            None
        }
        None => {
            diags.push(Diagnostic::error(
                "bad-tag",
                feature_at.clone(),
                "missing @channel tag",
            ));
            None
        }
    };
    check_file_name(file, &service_id, channel, &feature_at, diags);
    if let (Some(entry), Some(ch)) = (entry, channel) {
        if !entry.channels.contains(&ch) {
            diags.push(Diagnostic::warning(
                "bad-tag",
                feature_at.clone(),
                format!(
                    "the act of {} describes no {} channel (catalogue: {:?})",
                    entry.id, ch, entry.channels
                ),
            ));
        }
        if tags.get("seed").copied() != Some(entry.seed) {
            diags.push(Diagnostic::error(
                "bad-tag",
                feature_at.clone(),
                format!("@seed must be {} for {}", entry.seed, entry.id),
            ));
        }
        let regulation = tags.get("regulation").and_then(|r| r.parse::<u8>().ok());
        if regulation != entry.regulation {
            diags.push(Diagnostic::error(
                "bad-tag",
                feature_at.clone(),
                match entry.regulation {
                    Some(k) => format!(
                        "@regulation:{k} is required: seed {} holds several regulations",
                        entry.seed
                    ),
                    None => {
                        "@regulation is only for seeds that hold several regulations".to_string()
                    }
                },
            ));
        }
    }
    let regulation = entry.and_then(|e| e.regulation);

    let Some(background) = &feature.background else {
        diags.push(Diagnostic::error(
            "parse",
            feature_at,
            "no Background: the transcription of the act is missing",
        ));
        return None;
    };

    let mut fields = RegulationFields::default();
    let mut table: Option<StepTable> = None;
    let mut errata: Vec<Erratum> = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    let mut status_texts: Vec<StatusText> = Vec::new();
    let mut seen_regulation = false;

    for step in &background.steps {
        let step_at = at(step.position.line);
        let Some(gtable) = &step.table else {
            diags.push(Diagnostic::error(
                "parse",
                step_at,
                format!("background step \"{}\" needs a data table", step.value),
            ));
            continue;
        };
        let rows = TableRows::new(gtable, text, file);
        match step.value.trim() {
            "the regulation:" => {
                seen_regulation = true;
                fields = read_regulation(&rows, diags);
            }
            "the step table:" => {
                if table.is_some() {
                    diags.push(Diagnostic::error(
                        "parse",
                        step_at,
                        "a second step table: one feature file holds one table (one channel)",
                    ));
                    continue;
                }
                table = Some(StepTable {
                    name: String::new(),
                    steps: read_steps(&rows, diags),
                    errata: Vec::new(),
                    source: step_at,
                });
            }
            "the errata:" => errata = read_errata(&rows, diags),
            "the service terms:" => terms = read_terms(&rows, diags),
            "the status texts:" => status_texts = read_status_texts(&rows, diags),
            other => diags.push(
                Diagnostic::error("parse", step_at, format!("unknown background step \"{other}\""))
                    .with_hint("expected: the regulation:, the step table:, the errata:, the service terms:, the status texts:"),
            ),
        }
    }
    if !seen_regulation {
        diags.push(Diagnostic::error(
            "parse",
            at(background.position.line),
            "missing \"Given the regulation:\" table",
        ));
    }
    let Some(mut table) = table else {
        diags.push(Diagnostic::error(
            "parse",
            at(background.position.line),
            "missing \"And the step table:\"",
        ));
        return None;
    };
    table.name = fields.table.clone();
    attach_errata(&mut table, &mut terms, errata, diags);
    apply_readings(&mut table, diags);
    for term in &mut terms {
        read_term_value(term, diags);
    }

    let mut scenarios = Vec::new();
    for rule in &feature.rules {
        diags.push(Diagnostic::error(
            "parse",
            at(rule.position.line),
            "Rule: blocks are not part of the format; put scenarios at the top level",
        ));
    }
    for sc in &feature.scenarios {
        scenarios.extend(read_scenario(sc, file, text, diags));
    }

    // A file with errors still yields a document when its table could be
    // read, so later checks (graph, coverage) can run on what is there.
    Some(ParsedFeature {
        service_id,
        doc: ChannelDoc {
            channel: channel.unwrap_or(Channel::Portal),
            file: file.to_string(),
            regulation,
            regulation_fields: fields,
            tables: vec![table],
            terms,
            status_texts,
            scenarios,
        },
    })
}

fn ragged_row(file: &str, line: usize) -> Diagnostic {
    Diagnostic::error(
        "parse",
        Source {
            file: file.to_string(),
            line,
        },
        "table row has a different number of cells than the row above it",
    )
    .with_hint("every row of a data table needs the same number of | separated cells; write \\| for a literal pipe")
}

/// The gherkin crate keeps the error position private but prints it as
/// "Error at LINE:COL: …"; read the line from there.
fn syntax_error(file: &str, e: &gherkin::ParseError) -> Diagnostic {
    let shown = e.to_string();
    let line = shown
        .strip_prefix("Error at ")
        .and_then(|rest| rest.split(':').next())
        .and_then(|l| l.parse().ok())
        .unwrap_or(1);
    Diagnostic::error(
        "parse",
        Source {
            file: file.to_string(),
            line,
        },
        "Gherkin syntax error",
    )
    .with_hint(shown)
}

/// Counts the cells of a table row the way Gherkin does (`\|` is not a separator).
fn cell_count(row: &str) -> usize {
    let mut count = 0usize;
    let mut escaped = false;
    for c in row.trim().chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '|') => count += 1,
            _ => {}
        }
    }
    count.saturating_sub(1)
}

fn first_ragged_table_row(text: &str) -> Option<usize> {
    let mut width: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('|') {
            let n = cell_count(t);
            match width {
                Some(w) if w != n => return Some(i + 1),
                None => width = Some(n),
                _ => {}
            }
        } else if !t.starts_with('#') {
            width = None;
        }
    }
    None
}

fn check_file_name(
    file: &str,
    service_id: &str,
    channel: Option<Channel>,
    at: &Source,
    diags: &mut Vec<Diagnostic>,
) {
    let path = std::path::Path::new(file);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let folder = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if let Some(ch) = channel {
        if stem != ch.as_str() {
            diags.push(Diagnostic::error(
                "bad-tag",
                at.clone(),
                format!("file name \"{stem}.feature\" does not match @channel:{ch}"),
            ));
        }
    }
    if !service_id.is_empty() && folder != service_id {
        diags.push(Diagnostic::error(
            "bad-tag",
            at.clone(),
            format!("folder \"{folder}\" does not match @service:{service_id}"),
        ));
    }
}

/// A data table with the source line of each row.
struct TableRows<'a> {
    rows: &'a [Vec<String>],
    lines: Vec<usize>,
    file: &'a str,
}

impl<'a> TableRows<'a> {
    fn new(table: &'a gherkin::Table, text: &str, file: &'a str) -> Self {
        // gherkin gives the table's first line only; rows are the following
        // lines that start with '|' (comments and blank lines are skipped).
        let mut lines = Vec::with_capacity(table.rows.len());
        for (i, line) in text
            .lines()
            .enumerate()
            .skip(table.position.line.saturating_sub(1))
        {
            let t = line.trim();
            if t.starts_with('|') {
                lines.push(i + 1);
                if lines.len() == table.rows.len() {
                    break;
                }
            } else if !(t.is_empty() || t.starts_with('#')) {
                break;
            }
        }
        while lines.len() < table.rows.len() {
            lines.push(table.position.line);
        }
        TableRows {
            rows: &table.rows,
            lines,
            file,
        }
    }
    fn at(&self, index: usize) -> Source {
        Source {
            file: self.file.to_string(),
            line: self.lines[index],
        }
    }
    /// Maps the header to the expected columns; `None` (with diagnostics) when
    /// a required column is missing or an unknown one is present.
    fn columns(&self, expected: &[&str], diags: &mut Vec<Diagnostic>) -> Option<Vec<usize>> {
        let header = self.rows.first()?;
        let mut ok = true;
        for name in header {
            if !expected.contains(&name.as_str()) {
                diags.push(
                    Diagnostic::error("parse", self.at(0), format!("unknown column \"{name}\""))
                        .with_hint(format!("columns: {}", expected.join(" | "))),
                );
                ok = false;
            }
        }
        let mut idx = Vec::new();
        for name in expected {
            match header.iter().position(|h| h == name) {
                Some(i) => idx.push(i),
                None => {
                    diags.push(
                        Diagnostic::error(
                            "parse",
                            self.at(0),
                            format!("missing column \"{name}\""),
                        )
                        .with_hint(format!("columns: {}", expected.join(" | "))),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(idx)
    }
    /// Body rows with their index (for `at`) and cells in `expected` order.
    fn body(&self, expected: &[&str], diags: &mut Vec<Diagnostic>) -> Vec<(usize, Vec<String>)> {
        let Some(idx) = self.columns(expected, diags) else {
            return Vec::new();
        };
        self.rows
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, row)| {
                (
                    i,
                    idx.iter()
                        .map(|&c| row.get(c).cloned().unwrap_or_default())
                        .collect(),
                )
            })
            .collect()
    }
}

fn read_regulation(rows: &TableRows, diags: &mut Vec<Diagnostic>) -> RegulationFields {
    let mut f = RegulationFields::default();
    let mut seen = Vec::new();
    for (i, cells) in rows.body(&["field", "value"], diags) {
        let (key, value) = (cells[0].as_str(), cells[1].clone());
        let slot = match key {
            "title_kk" => &mut f.title_kk,
            "title_en" => &mut f.title_en,
            "act" => &mut f.act,
            "seed" => &mut f.seed,
            "table" => &mut f.table,
            other => {
                diags.push(
                    Diagnostic::error(
                        "parse",
                        rows.at(i),
                        format!("unknown regulation field \"{other}\""),
                    )
                    .with_hint(format!("fields: {}", REGULATION_FIELDS.join(", "))),
                );
                continue;
            }
        };
        *slot = value;
        seen.push(key.to_string());
    }
    for field in REGULATION_FIELDS {
        if !seen.iter().any(|s| s == field) && !rows.rows.is_empty() {
            diags.push(Diagnostic::error(
                "parse",
                rows.at(0),
                format!("the regulation table lacks \"{field}\""),
            ));
        }
    }
    f
}

fn read_steps(rows: &TableRows, diags: &mut Vec<Diagnostic>) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for (i, c) in rows.body(&STEP_COLUMNS, diags) {
        let source = rows.at(i);
        let Ok(n) = c[0].trim().parse::<u32>() else {
            diags.push(Diagnostic::error(
                "parse",
                source,
                format!("action number \"{}\" is not a whole number", c[0]),
            ));
            continue;
        };
        if let Some(prev) = steps.iter().find(|s| s.n == n) {
            diags.push(Diagnostic::error(
                "parse",
                source,
                format!("action number {n} appears twice (first at {})", prev.source),
            ));
            continue;
        }
        let outcome = match c[7].trim() {
            "" => None,
            "refusal" => Some(Outcome::Refusal),
            "result" => Some(Outcome::Result),
            other => {
                diags.push(Diagnostic::error(
                    "parse",
                    source.clone(),
                    format!("outcome \"{other}\" is not refusal, result or empty"),
                ));
                None
            }
        };
        steps.push(Step {
            n,
            actor: c[1].clone(),
            action_kk: c[2].clone(),
            action_en: c[3].clone(),
            completion_kk: c[4].clone(),
            limit_raw: c[5].clone(),
            budget: None,
            budget_as_written: None,
            next_raw: c[6].clone(),
            next: Vec::new(),
            next_as_written: None,
            outcome,
            errata: Vec::new(),
            reconstructed_from: None,
            source,
            unreadable_next: None,
        });
    }
    steps
}

fn read_errata(rows: &TableRows, diags: &mut Vec<Diagnostic>) -> Vec<Erratum> {
    let mut out = Vec::new();
    for (i, c) in rows.body(&ERRATA_COLUMNS, diags) {
        let source = rows.at(i);
        let at = c[0].trim();
        let target = if let Some(term) = at.strip_prefix("term ") {
            ErratumTarget::Term(term.trim().to_string())
        } else if let Ok(n) = at.parse::<u32>() {
            ErratumTarget::Step(n)
        } else {
            diags.push(Diagnostic::error(
                "erratum-mismatch",
                source,
                format!("erratum \"at\" must be a step number or \"term <id>\", not \"{at}\""),
            ));
            continue;
        };
        let Some(field) = ErratumField::parse(c[1].trim()) else {
            diags.push(Diagnostic::error(
                "erratum-mismatch",
                source,
                format!(
                    "erratum field \"{}\" is not next, limit, actor or row",
                    c[1]
                ),
            ));
            continue;
        };
        if c[4].trim().is_empty() {
            diags.push(Diagnostic::error(
                "erratum-mismatch",
                source.clone(),
                "an erratum must say why",
            ));
        }
        out.push(Erratum {
            at: target,
            field,
            act_says: c[2].clone(),
            read_as: c[3].clone(),
            why: c[4].clone(),
            source,
        });
    }
    out
}

fn read_terms(rows: &TableRows, diags: &mut Vec<Diagnostic>) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (i, c) in rows.body(&TERM_COLUMNS, diags) {
        let source = rows.at(i);
        let kind = match c[1].trim() {
            "time" => TermKind::Time,
            "fee" => TermKind::Fee,
            "schedule" => TermKind::Schedule,
            "note" => TermKind::Note,
            other => {
                diags.push(Diagnostic::error(
                    "parse",
                    source,
                    format!("term kind \"{other}\" is not time, fee, schedule or note"),
                ));
                continue;
            }
        };
        if out.iter().any(|t| t.term == c[0]) {
            diags.push(Diagnostic::error(
                "parse",
                source,
                format!("term \"{}\" appears twice", c[0]),
            ));
            continue;
        }
        out.push(Term {
            term: c[0].clone(),
            kind,
            text_kk: c[2].clone(),
            text_ru: c[3].clone(),
            value: c[4].clone(),
            budget: None,
            fee_mrp: None,
            cited: c[5].clone(),
            errata: Vec::new(),
            source,
        });
    }
    out
}

fn read_status_texts(rows: &TableRows, diags: &mut Vec<Diagnostic>) -> Vec<StatusText> {
    rows.body(&STATUS_COLUMNS, diags)
        .into_iter()
        .map(|(i, c)| StatusText {
            status: c[0].clone(),
            kk: c[1].clone(),
            ru: c[2].clone(),
            cited: c[3].clone(),
            source: rows.at(i),
        })
        .collect()
}

/// Whitespace-insensitive comparison of an erratum's `act_says` with the cell.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn attach_errata(
    table: &mut StepTable,
    terms: &mut [Term],
    errata: Vec<Erratum>,
    diags: &mut Vec<Diagnostic>,
) {
    for e in errata {
        let verbatim = match &e.at {
            ErratumTarget::Step(n) => match table.steps.iter().find(|s| s.n == *n) {
                Some(step) => match e.field {
                    ErratumField::Next => step.next_raw.clone(),
                    ErratumField::Limit => step.limit_raw.clone(),
                    ErratumField::Actor => step.actor.clone(),
                    ErratumField::Row => String::new(),
                },
                None => {
                    diags.push(Diagnostic::error(
                        "erratum-mismatch",
                        e.source.clone(),
                        format!("erratum names row {n}, which is not in the step table"),
                    ));
                    continue;
                }
            },
            ErratumTarget::Term(id) => match terms.iter().find(|t| &t.term == id) {
                Some(term) if e.field == ErratumField::Limit => term.value.clone(),
                Some(_) => {
                    diags.push(Diagnostic::error(
                        "erratum-mismatch",
                        e.source.clone(),
                        "an erratum on a term can only read its value (field limit)",
                    ));
                    continue;
                }
                None => {
                    diags.push(Diagnostic::error(
                        "erratum-mismatch",
                        e.source.clone(),
                        format!("erratum names term \"{id}\", which is not in the service terms"),
                    ));
                    continue;
                }
            },
        };
        if !same_text(&e.act_says, &verbatim) {
            diags.push(
                Diagnostic::error(
                    "erratum-mismatch",
                    e.source.clone(),
                    format!(
                        "act_says \"{}\" is not the verbatim cell \"{}\"",
                        e.act_says, verbatim
                    ),
                )
                .with_hint("copy the cell exactly; an erratum reads the act, it never restates it differently"),
            );
            continue;
        }
        if same_text(&e.act_says, &e.read_as) {
            diags.push(Diagnostic::warning(
                "erratum-mismatch",
                e.source.clone(),
                "this erratum reads the cell as it is written: it changes nothing",
            ));
        }
        let slot = match &e.at {
            ErratumTarget::Step(n) => {
                &mut table
                    .steps
                    .iter_mut()
                    .find(|s| s.n == *n)
                    .expect("checked above")
                    .errata
            }
            ErratumTarget::Term(id) => {
                &mut terms
                    .iter_mut()
                    .find(|t| &t.term == id)
                    .expect("checked above")
                    .errata
            }
        };
        if let Some(prev) = slot.iter().find(|p| p.field == e.field) {
            diags.push(Diagnostic::error(
                "erratum-mismatch",
                e.source.clone(),
                format!(
                    "a second erratum on the same cell (first at {})",
                    prev.source
                ),
            ));
            continue;
        }
        slot.push(e);
    }
}

/// Computes each step's effective transitions and budget from its verbatim
/// cells and its errata.
fn apply_readings(table: &mut StepTable, diags: &mut Vec<Diagnostic>) {
    for step in &mut table.steps {
        step.reconstructed_from = step
            .erratum(ErratumField::Row)
            .map(|e| e.read_as.trim().to_string());
        let written = parse_next(&step.next_raw);
        match step.erratum(ErratumField::Next).cloned() {
            Some(e) => {
                match parse_next(&e.read_as) {
                    Ok(next) => step.next = next,
                    Err(why) => diags.push(Diagnostic::error(
                        "erratum-mismatch",
                        e.source.clone(),
                        format!(
                            "read_as \"{}\" is not a readable next action: {}",
                            e.read_as, why.0
                        ),
                    )),
                }
                step.next_as_written = Some(match written {
                    Ok(t) => NextReading::Transitions(t),
                    Err(why) => NextReading::Unreadable { unreadable: why.0 },
                });
            }
            None => match written {
                Ok(next) => step.next = next,
                Err(why) => step.unreadable_next = Some(why.0),
            },
        }
        let written = parse_limit(&step.limit_raw);
        match step.erratum(ErratumField::Limit).cloned() {
            Some(e) => {
                let read = parse_limit(&e.read_as);
                if let Some(Budget::Malformed { reason }) = &read {
                    diags.push(Diagnostic::error(
                        "erratum-mismatch",
                        e.source.clone(),
                        format!(
                            "read_as \"{}\" is itself a malformed limit: {reason}",
                            e.read_as
                        ),
                    ));
                }
                step.budget = read;
                step.budget_as_written = written;
            }
            None => step.budget = written,
        }
    }
}

fn read_term_value(term: &mut Term, diags: &mut Vec<Diagnostic>) {
    let value = term
        .errata
        .iter()
        .find(|e| e.field == ErratumField::Limit)
        .map(|e| e.read_as.clone())
        .unwrap_or_else(|| term.value.clone());
    match term.kind {
        TermKind::Time => {
            term.budget = parse_limit(&value);
            match &term.budget {
                None => diags.push(Diagnostic::error(
                    "malformed-limit",
                    term.source.clone(),
                    format!("time term \"{}\" has no value", term.term),
                )),
                Some(Budget::Malformed { reason }) if term.errata.is_empty() => {
                    diags.push(Diagnostic::error(
                        "malformed-limit",
                        term.source.clone(),
                        format!(
                            "time term \"{}\": \"{value}\" is malformed: {reason}",
                            term.term
                        ),
                    ))
                }
                _ => {}
            }
        }
        TermKind::Fee => {
            term.fee_mrp = crate::model::parse_fee_mrp(&value);
            if term.fee_mrp.is_none() {
                diags.push(
                    Diagnostic::error(
                        "parse",
                        term.source.clone(),
                        format!("fee \"{value}\" is not an amount in АЕК/МРП"),
                    )
                    .with_hint("write the fee as e.g. \"0,5 АЕК\"; the receipt's KZT amount goes in text_kk/text_ru"),
                );
            }
        }
        TermKind::Schedule | TermKind::Note => {}
    }
}

fn read_scenario(
    sc: &gherkin::Scenario,
    file: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Scenario> {
    let at = |line: usize| Source {
        file: file.to_string(),
        line,
    };
    // A plain scenario is one instance with no substitutions; an outline is
    // one instance per example row, with <column> replaced in names and steps.
    let mut instances: Vec<(BTreeMap<String, String>, Vec<String>)> = Vec::new();
    if sc.examples.is_empty() {
        instances.push((BTreeMap::new(), Vec::new()));
    }
    for ex in &sc.examples {
        let Some(table) = &ex.table else { continue };
        let rows = TableRows::new(table, text, file);
        let Some(header) = table.rows.first() else {
            continue;
        };
        for (i, row) in table.rows.iter().enumerate().skip(1) {
            let values: BTreeMap<String, String> =
                header.iter().cloned().zip(row.iter().cloned()).collect();
            let mut tags = ex.tags.clone();
            tags.push(format!("example-line:{}", rows.at(i).line));
            instances.push((values, tags));
        }
    }
    let substitute = |s: &str, values: &BTreeMap<String, String>| {
        values.iter().fold(s.to_string(), |acc, (k, v)| {
            acc.replace(&format!("<{k}>"), v)
        })
    };
    let mut out = Vec::new();
    for (values, extra_tags) in instances {
        let mut steps = Vec::new();
        for step in &sc.steps {
            let line_text = substitute(&step.value, &values);
            match parse_phrase(&line_text) {
                Ok(action) => steps.push(ScenarioStep {
                    text: line_text,
                    action,
                    source: at(step.position.line),
                }),
                Err(msg) => diags.push(
                    Diagnostic::error("bad-path", at(step.position.line), msg)
                        .with_hint("scenario phrases are listed in docs/feature-format.md"),
                ),
            }
        }
        let mut tags = sc.tags.clone();
        tags.extend(extra_tags);
        out.push(Scenario {
            name: substitute(&sc.name, &values),
            tags,
            steps,
            source: at(sc.position.line),
        });
    }
    out
}

#[cfg(test)]
mod tests;
