//! Scenario paths: each must be a walk the table allows, from its first row
//! to a row that ends the process.

use reglament_model::scenario::Action;
use reglament_model::{ChannelDoc, Diagnostic, StepTable};

pub fn check_scenarios(doc: &ChannelDoc, table: &StepTable, diags: &mut Vec<Diagnostic>) {
    let Some(entry) = table.entry() else { return };
    for sc in &doc.scenarios {
        let path = sc.path();
        if !sc.steps.iter().any(|s| s.action == Action::Apply) {
            diags.push(Diagnostic::error(
                "bad-path",
                sc.source.clone(),
                format!(
                    "scenario \"{}\" never says \"When the applicant applies for the service\"",
                    sc.name
                ),
            ));
        }
        let decisions: Vec<_> = sc
            .steps
            .iter()
            .filter(|s| matches!(s.action, Action::Decision { .. }))
            .collect();
        if let [_, second, ..] = decisions[..] {
            diags.push(Diagnostic::error(
                "bad-path",
                second.source.clone(),
                "a scenario takes one provider decision; a reversal at the hearing is \"the applicant will convince the provider at the hearing\"",
            ));
        }
        for s in &sc.steps {
            if let Action::StatusReads { status } = &s.action {
                if !doc.status_texts.iter().any(|t| &t.status == status) {
                    diags.push(Diagnostic::error(
                        "bad-path",
                        s.source.clone(),
                        format!("status \"{status}\" is not in the status texts table"),
                    ));
                }
            }
        }
        let Some(&(first, first_at)) = path.first() else {
            diags.push(Diagnostic::error(
                "bad-path",
                sc.source.clone(),
                format!("scenario \"{}\" walks no regulation step", sc.name),
            ));
            continue;
        };
        if first != entry.n {
            diags.push(Diagnostic::error(
                "bad-path",
                first_at.clone(),
                format!(
                    "scenario \"{}\" starts at step {first}, not at the table's first row {}",
                    sc.name, entry.n
                ),
            ));
        }
        for &(n, at) in &path {
            if table.step(n).is_none() {
                diags.push(Diagnostic::error(
                    "bad-path",
                    at.clone(),
                    format!("step {n} is not in the step table"),
                ));
            }
        }
        for pair in path.windows(2) {
            let ((a, _), (b, b_at)) = (pair[0], pair[1]);
            let Some(step) = table.step(a) else { continue };
            if table.step(b).is_some() && !step.next.iter().any(|t| t.to == b) {
                let allowed: Vec<String> = step.next.iter().map(|t| t.to.to_string()).collect();
                diags.push(Diagnostic::error(
                    "bad-path",
                    b_at.clone(),
                    format!(
                        "the table does not allow step {a} → {b} (from {a}: {})",
                        if allowed.is_empty() {
                            "none".to_string()
                        } else {
                            allowed.join(", ")
                        }
                    ),
                ));
            }
        }
        if let Some(&(last, last_at)) = path.last() {
            if let Some(step) = table.step(last) {
                // A resilience scenario stops early on purpose ("the request is not completed").
                let stops_on_purpose = sc.steps.iter().any(|s| s.action == Action::NotCompleted);
                if !step.is_end() && !stops_on_purpose {
                    diags.push(Diagnostic::error(
                        "bad-path",
                        last_at.clone(),
                        format!(
                            "scenario \"{}\" stops at step {last}, which still has next actions",
                            sc.name
                        ),
                    ));
                }
            }
        }
    }
}
