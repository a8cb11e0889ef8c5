//! Graph checks of one step table.

use reglament_model::{
    Budget, Diagnostic, Erratum, ErratumField, ErratumTarget, NextReading, StepTable,
};
use std::collections::{BTreeSet, HashMap};

/// One node of a reading of the table: a step's number, where its next
/// actions go, and whether the row ends the process.
struct Node {
    n: u32,
    next: Vec<u32>,
    has_outcome: bool,
    unreadable: Option<String>,
}

/// A finding of the graph checks, before it becomes a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Anomaly {
    /// The row it is reported at.
    n: u32,
    code: &'static str,
    message: String,
}

pub fn check_table(table: &StepTable, diags: &mut Vec<Diagnostic>) {
    let line_of: HashMap<u32, _> = table
        .steps
        .iter()
        .map(|s| (s.n, s.source.clone()))
        .collect();
    let effective: Vec<Node> = table
        .steps
        .iter()
        .map(|s| Node {
            n: s.n,
            next: s.next.iter().map(|t| t.to).collect(),
            has_outcome: s.outcome.is_some(),
            unreadable: s.unreadable_next.clone(),
        })
        .collect();
    let as_written: Vec<Node> = table
        .steps
        .iter()
        .map(|s| match &s.next_as_written {
            Some(NextReading::Transitions(t)) => Node {
                n: s.n,
                next: t.iter().map(|t| t.to).collect(),
                has_outcome: s.outcome.is_some(),
                unreadable: None,
            },
            Some(NextReading::Unreadable { unreadable }) => Node {
                n: s.n,
                next: Vec::new(),
                has_outcome: true,
                unreadable: Some(unreadable.clone()),
            },
            None => Node {
                n: s.n,
                next: s.next.iter().map(|t| t.to).collect(),
                has_outcome: s.outcome.is_some(),
                unreadable: s.unreadable_next.clone(),
            },
        })
        .collect();

    let now = anomalies(&effective);
    for a in &now {
        let severity_error = matches!(a.code, "dangling-next" | "dead-end" | "unreadable-next");
        let d = if severity_error {
            Diagnostic::error(a.code, line_of[&a.n].clone(), a.message.clone())
        } else {
            Diagnostic::warning(a.code, line_of[&a.n].clone(), a.message.clone())
        };
        diags.push(match a.code {
            "dead-end" => d.with_hint("set outcome (refusal/result) if the act ends here, or add a next erratum citing the narrative"),
            "unreadable-next" => d.with_hint("add a next erratum whose read_as is \"N – condition; M – condition\""),
            _ => d,
        });
    }
    // Anomalies of the act's own text that the errata resolve: notes for auditors.
    for a in anomalies(&as_written) {
        if now.contains(&a) {
            continue;
        }
        let step = table.step(a.n).expect("anomaly on a known row");
        // Reachability is repaired by errata on other rows; the rest by the
        // row's own next-action erratum where it has one.
        let own = (a.code != "unreachable")
            .then(|| step.erratum(ErratumField::Next))
            .flatten();
        let by = own
            .map(|e| format!("erratum at {}", e.source))
            .unwrap_or_else(|| "the errata of this table".to_string());
        diags.push(Diagnostic::note(
            "act-anomaly",
            step.source.clone(),
            format!("the act as written: {}; resolved by {by}", a.message),
        ));
    }

    for step in &table.steps {
        for e in &step.errata {
            diags.push(erratum_note(e));
        }
        if let Some(from) = &step.reconstructed_from {
            diags.push(Diagnostic::note(
                "act-anomaly",
                step.source.clone(),
                format!(
                    "row {} is not in the act's table as published; rebuilt from {from} (no time limit: the act gives none)",
                    step.n
                ),
            ));
        }
        match (&step.budget, step.erratum(ErratumField::Limit)) {
            (None, None) if step.reconstructed_from.is_some() => {}
            (None, None) => diags.push(Diagnostic::warning(
                "missing-limit",
                step.source.clone(),
                format!("row {} has no time limit", step.n),
            )),
            (Some(Budget::Malformed { reason }), None) => diags.push(
                Diagnostic::error(
                    "malformed-limit",
                    step.source.clone(),
                    format!(
                        "row {}: limit \"{}\" is malformed: {reason}",
                        step.n, step.limit_raw
                    ),
                )
                .with_hint("add a limit erratum whose read_as is a readable limit, citing the act"),
            ),
            (Some(Budget::Malformed { .. }), Some(_)) => {} // reported on the erratum row
            (_, Some(_)) => {
                if let Some(Budget::Malformed { reason }) = &step.budget_as_written {
                    diags.push(Diagnostic::note(
                        "act-anomaly",
                        step.source.clone(),
                        format!("the act as written: limit \"{}\" is malformed ({reason}); read by erratum", step.limit_raw),
                    ));
                }
            }
            _ => {}
        }
    }
}

/// Every erratum is listed, so an auditor can review each reading of the act.
pub fn erratum_note(e: &Erratum) -> Diagnostic {
    let at = match &e.at {
        ErratumTarget::Step(n) => format!("row {n}"),
        ErratumTarget::Term(t) => format!("term {t}"),
    };
    let field = e.field.as_str();
    Diagnostic::note(
        "erratum",
        e.source.clone(),
        format!(
            "{at} {field}: act says \"{}\", read as \"{}\" — {}",
            e.act_says, e.read_as, e.why
        ),
    )
}

fn anomalies(nodes: &[Node]) -> Vec<Anomaly> {
    let known: BTreeSet<u32> = nodes.iter().map(|n| n.n).collect();
    let mut out = Vec::new();
    for node in nodes {
        if let Some(why) = &node.unreadable {
            out.push(Anomaly {
                n: node.n,
                code: "unreadable-next",
                message: format!("row {}: next action is not readable: {why}", node.n),
            });
            continue;
        }
        for to in &node.next {
            if !known.contains(to) {
                out.push(Anomaly {
                    n: node.n,
                    code: "dangling-next",
                    message: format!("row {} goes to {to}, which is not in the table", node.n),
                });
            }
        }
        if node.next.is_empty() && !node.has_outcome {
            out.push(Anomaly {
                n: node.n,
                code: "dead-end",
                message: format!(
                    "row {} has no next action but is not a refusal or a result",
                    node.n
                ),
            });
        }
    }
    let edges: HashMap<u32, Vec<u32>> = nodes
        .iter()
        .map(|n| {
            (
                n.n,
                n.next
                    .iter()
                    .copied()
                    .filter(|t| known.contains(t))
                    .collect(),
            )
        })
        .collect();
    if let Some(entry) = nodes.first() {
        let reached = reach(entry.n, &edges);
        for node in nodes {
            if !reached.contains(&node.n) {
                out.push(Anomaly {
                    n: node.n,
                    code: "unreachable",
                    message: format!("row {} cannot be reached from row {}", node.n, entry.n),
                });
            }
        }
    }
    for cycle in cycles(nodes, &edges) {
        let list: Vec<String> = cycle.iter().map(u32::to_string).collect();
        out.push(Anomaly {
            n: cycle[0],
            code: "loop",
            message: if cycle.len() == 1 {
                format!("row {} leads back to itself", cycle[0])
            } else {
                format!("rows {} form a loop", list.join(" → "))
            },
        });
    }
    out.sort();
    out
}

fn reach(from: u32, edges: &HashMap<u32, Vec<u32>>) -> BTreeSet<u32> {
    let mut seen = BTreeSet::from([from]);
    let mut stack = vec![from];
    while let Some(n) = stack.pop() {
        for &t in edges.get(&n).into_iter().flatten() {
            if seen.insert(t) {
                stack.push(t);
            }
        }
    }
    seen
}

/// Strongly connected groups of rows that lead back to themselves (tables
/// have a few dozen rows, so plain reachability is fast enough and clear).
fn cycles(nodes: &[Node], edges: &HashMap<u32, Vec<u32>>) -> Vec<Vec<u32>> {
    let reach_of: HashMap<u32, BTreeSet<u32>> = nodes
        .iter()
        .map(|n| {
            let mut r = BTreeSet::new();
            for &t in &edges[&n.n] {
                r.extend(reach(t, edges));
            }
            (n.n, r)
        })
        .collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for node in nodes {
        if done.contains(&node.n) || !reach_of[&node.n].contains(&node.n) {
            continue;
        }
        let group: Vec<u32> = nodes
            .iter()
            .map(|m| m.n)
            .filter(|m| reach_of[&node.n].contains(m) && reach_of[m].contains(&node.n))
            .collect();
        done.extend(group.iter().copied());
        out.push(group);
    }
    out
}
