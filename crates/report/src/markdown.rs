//! `summary.md`: a merge-request comment.

use crate::results::*;
use std::fmt::Write;

/// The service × channel table (also the console's).
pub fn table(run: &RunResults) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| service | channel | scenarios | passed | failed | steps failed | worst budget use | conclusion |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for row in &run.statement {
        let scs: Vec<_> = run
            .scenarios
            .iter()
            .filter(|s| s.service == row.service && s.channel == row.channel)
            .collect();
        let steps_failed: usize = scs
            .iter()
            .map(|s| {
                s.steps
                    .iter()
                    .filter(|v| v.verdict == Verdict::Fail)
                    .count()
            })
            .sum();
        let worst = scs
            .iter()
            .flat_map(|s| s.steps.iter().filter_map(|v| v.budget_use))
            .fold(None, |w: Option<f64>, u| Some(w.map_or(u, |w| w.max(u))));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.service,
            row.channel,
            row.scenarios_run,
            row.scenarios_passed,
            row.scenarios_run - row.scenarios_passed,
            steps_failed,
            worst
                .map(|u| format!("{:.0} %", u * 100.0))
                .unwrap_or_else(|| "–".into()),
            row.conclusion
        );
    }
    out
}

pub fn render(run: &RunResults) -> String {
    let mut out = String::new();
    let verdict = if run.interrupted {
        "⚠️ interrupted"
    } else if run.passed() {
        "✅ conforms"
    } else {
        "❌ does not conform"
    };
    let _ = writeln!(
        out,
        "## reglament conformance run `{}`: {verdict}\n",
        run.run_id
    );
    let _ = writeln!(
        out,
        "Target: {} `{}`{} · model `{}`\n",
        run.target.kind,
        run.target.url,
        if run.target.faults.is_empty() {
            String::new()
        } else {
            format!(" · faults: {}", run.target.faults.join(", "))
        },
        run.model_digest
    );
    out.push_str(&table(run));
    let failed: Vec<_> = run
        .scenarios
        .iter()
        .filter(|s| s.status != ScenarioStatus::Passed)
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\n### Failures\n");
        for s in failed {
            let _ = writeln!(
                out,
                "- **{}/{} — {}** (`{}`)",
                s.service, s.channel, s.name, s.source
            );
            for f in s.failures() {
                let _ = writeln!(out, "  - {}", f.replace('\n', " "));
            }
        }
    }
    out
}
