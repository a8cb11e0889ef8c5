//! Step and transition coverage of a table by its scenarios.

use reglament_model::{Channel, ChannelDoc, Diagnostic, StepTable};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Serialize)]
pub struct TableCoverage {
    pub service: String,
    pub channel: Channel,
    pub file: String,
    pub scenarios: usize,
    pub steps_total: usize,
    pub steps_covered: usize,
    pub transitions_total: usize,
    pub transitions_covered: usize,
    pub uncovered_steps: Vec<u32>,
    pub uncovered_transitions: Vec<(u32, u32)>,
}

impl TableCoverage {
    pub fn step_percent(&self) -> f64 {
        percent(self.steps_covered, self.steps_total)
    }
    pub fn transition_percent(&self) -> f64 {
        percent(self.transitions_covered, self.transitions_total)
    }

    /// Uncovered rows and transitions are warnings: every branch of the act
    /// must be walked by some scenario for the run to test it.
    pub fn report_gaps(&self, table: &StepTable, diags: &mut Vec<Diagnostic>) {
        if !self.uncovered_steps.is_empty() {
            let list: Vec<String> = self.uncovered_steps.iter().map(u32::to_string).collect();
            diags.push(Diagnostic::warning(
                "uncovered",
                table.source.clone(),
                format!("no scenario walks row(s) {}", list.join(", ")),
            ));
        }
        if !self.uncovered_transitions.is_empty() {
            let list: Vec<String> = self
                .uncovered_transitions
                .iter()
                .map(|(a, b)| format!("{a}→{b}"))
                .collect();
            diags.push(Diagnostic::warning(
                "uncovered",
                table.source.clone(),
                format!("no scenario walks transition(s) {}", list.join(", ")),
            ));
        }
    }
}

fn percent(covered: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        (covered as f64 * 1000.0 / total as f64).floor() / 10.0
    }
}

pub fn measure(service: &str, doc: &ChannelDoc, table: &StepTable) -> TableCoverage {
    let steps: BTreeSet<u32> = table.steps.iter().map(|s| s.n).collect();
    let transitions: BTreeSet<(u32, u32)> = table
        .steps
        .iter()
        .flat_map(|s| s.next.iter().map(move |t| (s.n, t.to)))
        .filter(|(_, to)| steps.contains(to))
        .collect();
    let mut walked_steps = BTreeSet::new();
    let mut walked_transitions = BTreeSet::new();
    for sc in &doc.scenarios {
        let path: Vec<u32> = sc.path().into_iter().map(|(n, _)| n).collect();
        walked_steps.extend(path.iter().copied().filter(|n| steps.contains(n)));
        walked_transitions.extend(
            path.windows(2)
                .map(|w| (w[0], w[1]))
                .filter(|t| transitions.contains(t)),
        );
    }
    TableCoverage {
        service: service.to_string(),
        channel: doc.channel,
        file: doc.file.clone(),
        scenarios: doc.scenarios.len(),
        steps_total: steps.len(),
        steps_covered: walked_steps.len(),
        transitions_total: transitions.len(),
        transitions_covered: walked_transitions.len(),
        uncovered_steps: steps.difference(&walked_steps).copied().collect(),
        uncovered_transitions: transitions
            .difference(&walked_transitions)
            .copied()
            .collect(),
    }
}

/// Coverage per table and in total.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub tables: Vec<TableCoverage>,
    pub steps_total: usize,
    pub steps_covered: usize,
    pub transitions_total: usize,
    pub transitions_covered: usize,
}

impl Coverage {
    pub fn total(tables: Vec<TableCoverage>) -> Self {
        Coverage {
            steps_total: tables.iter().map(|t| t.steps_total).sum(),
            steps_covered: tables.iter().map(|t| t.steps_covered).sum(),
            transitions_total: tables.iter().map(|t| t.transitions_total).sum(),
            transitions_covered: tables.iter().map(|t| t.transitions_covered).sum(),
            tables,
        }
    }
    pub fn step_percent(&self) -> f64 {
        percent(self.steps_covered, self.steps_total)
    }
    pub fn transition_percent(&self) -> f64 {
        percent(self.transitions_covered, self.transitions_total)
    }
}
