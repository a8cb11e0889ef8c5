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

/// `statement.md`: the conformance statement of one target, to be filed by
/// the agency that ordered the check.
pub fn statement(run: &RunResults) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Conformance statement\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Target | {} `{}` |", run.target.kind, run.target.url);
    if let Some(i) = &run.target.implementation {
        let _ = writeln!(out, "| Implementation | {i} |");
    }
    if !run.target.faults.is_empty() {
        let _ = writeln!(
            out,
            "| Faults switched on (reference only) | {} |",
            run.target.faults.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "| Run | `{}`, {} – {} |",
        run.run_id,
        run.started_at,
        run.finished_at.as_deref().unwrap_or("not finished")
    );
    let _ = writeln!(
        out,
        "| Regulations judged against | feature files `{}` |",
        run.model_digest
    );
    let _ = writeln!(
        out,
        "| Result | {} |\n",
        if run.interrupted {
            "INTERRUPTED: incomplete, not a statement of conformance"
        } else if run.passed() {
            "the target conforms to every regulation it claims, in every scenario run"
        } else {
            "the target does not conform (see below)"
        }
    );
    let _ = writeln!(
        out,
        "| service | channel | claimed | scenarios run | passed | conclusion |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for r in &run.statement {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            r.service,
            r.channel,
            if r.claimed { "yes" } else { "no" },
            r.scenarios_run,
            r.scenarios_passed,
            r.conclusion
        );
    }
    let _ = writeln!(
        out,
        "\nEach scenario walks a path of the act's step table (features/); every step is \
         judged against the act's time limit, path and checks. Per-step evidence: results.json; \
         the errata by which the acts are read: docs/errata.md."
    );
    out
}
