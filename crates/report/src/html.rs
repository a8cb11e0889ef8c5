//! `report.html`: one self-contained page a person opens offline — inline
//! CSS and SVG, no script, no fonts or anything else fetched (a
//! Content-Security-Policy says so to the browser too).
//!
//! Header (run, target, faults, model digest, verdict, an INTERRUPTED banner),
//! the conformance statement, then every scenario, failures first: what
//! failed, a bar per step of the time it took against the act's limit, and
//! the table's step graph with the walked path highlighted.
//!
//! Everything that comes from the target or the feature files (names,
//! reasons, status texts, URLs, certificate subjects) is escaped: a target's
//! text never becomes markup.

mod graph;

use crate::results::*;
use crate::{write_atomic, Reporter};
use std::collections::BTreeSet;
use std::fmt::{self, Write};
use std::io;
use std::path::PathBuf;

/// The step graph of one table (the first table of a service's channel), as
/// the report draws it. Built by the caller from the regulation model, which
/// this crate does not depend on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableGraph {
    pub service: String,
    /// `portal`, `psc`, `provider`.
    pub channel: String,
    /// The rows in the table's order; the first is the entry.
    pub steps: Vec<GraphStep>,
}

/// One row of a [`TableGraph`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphStep {
    /// The action number as in the act.
    pub n: u32,
    pub actor: String,
    /// The rows it may lead to.
    pub next: Vec<u32>,
    /// `refusal` or `result` when the row ends the process.
    pub outcome: Option<String>,
}

/// `report.html` in the run's folder, rewritten after every scenario.
pub struct Html {
    pub dir: PathBuf,
    pub graphs: Vec<TableGraph>,
}

impl Html {
    fn write(&self, run: &RunResults) -> io::Result<()> {
        write_atomic(
            &self.dir.join("report.html"),
            render(run, &self.graphs).as_bytes(),
        )
    }
}

impl Reporter for Html {
    fn scenario(&mut self, run: &RunResults, _: &ScenarioResult) -> io::Result<()> {
        self.write(run)
    }
    fn finish(&mut self, run: &RunResults) -> io::Result<()> {
        self.write(run)
    }
}

/// Text made safe for HTML element content and double- or single-quoted
/// attribute values. Control characters other than tab and newline (which
/// HTML forbids) become U+FFFD.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(|c: char| {
            matches!(c, '&' | '<' | '>' | '"' | '\'') || (c.is_control() && c != '\n' && c != '\t')
        }) {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().expect("found");
            f.write_str(match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => "\u{fffd}",
            })?;
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

const STYLE: &str = r#"
:root{--fail:#c62828;--fail-bg:#fdecea;--pass:#2e7d32;--pass-bg:#e8f5e9;--warn:#b26a00;--warn-bg:#fff4e0;--muted:#667;--line:#d7dbe0;--walk:#1565c0}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1f23;margin:0;background:#f6f7f9}
header,main,.statement{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:20px;margin:0 0 6px}
h2{font-size:17px;margin:24px 0 8px}
h3{font-size:14px;margin:14px 0 6px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.verdict{display:inline-block;padding:3px 10px;border-radius:4px;font-weight:700;font-size:15px}
.verdict.conforms{background:var(--pass-bg);color:var(--pass)}
.verdict.fails{background:var(--fail-bg);color:var(--fail)}
.verdict.interrupted,.verdict.running{background:var(--warn-bg);color:var(--warn)}
.banner{margin:12px 0;padding:10px 14px;border-radius:4px;font-weight:700;background:var(--warn-bg);color:var(--warn);border:2px solid var(--warn)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-all}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef0f3;font-weight:600}
td.num{text-align:right}
.c-conforms{color:var(--pass);font-weight:600}.c-fails{color:var(--fail);font-weight:600}.c-other{color:var(--muted)}
#only-failures:checked ~ .scenario.passed{display:none}
.scenario{background:#fff;border:1px solid var(--line);border-left:6px solid var(--pass);border-radius:4px;margin:12px 0;padding:0 14px}
.scenario.failed,.scenario.error{border-left-color:var(--fail)}
.scenario>summary{cursor:pointer;padding:10px 0;font-weight:600}
.badge{display:inline-block;min-width:52px;text-align:center;padding:1px 6px;border-radius:3px;font-size:12px;font-weight:700;margin-right:6px}
.badge.passed{background:var(--pass-bg);color:var(--pass)}
.badge.failed,.badge.error{background:var(--fail-bg);color:var(--fail)}
.sub{color:var(--muted);font-weight:400;font-size:12.5px}
ul.failures{margin:6px 0;padding-left:20px;color:var(--fail)}
ul.failures li{margin:2px 0}ul.failures .what{color:#1d1f23}
table.timeline td,table.checks td{font-size:13px}
tr.fail td{background:var(--fail-bg)}
tr.fail td.step{color:var(--fail);font-weight:700}
svg.bar{display:block}
svg.bar .track{fill:#eceff3}svg.bar .overzone{fill:#fbe3e3}
svg.bar .fill{fill:#4f8fd6}svg.bar .fill.over{fill:var(--fail)}svg.bar .fill.none{fill:none}
svg.bar .limit{stroke:#333;stroke-width:1.5}
.use.over{color:var(--fail);font-weight:700}
.v-pass{color:var(--pass)}.v-fail{color:var(--fail);font-weight:700}.v-not-judged{color:var(--muted)}
.days{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;background:#eceff3}
.days.fail{background:var(--fail-bg);color:var(--fail)}.days.pass{background:var(--pass-bg);color:var(--pass)}
.graphbox{overflow-x:auto;margin:6px 0 14px}
svg.graph{background:#fcfcfd;border:1px solid var(--line);border-radius:4px;max-width:none}
svg.graph .edge{fill:none;stroke:#b8bec7;stroke-width:1.4}
svg.graph .edge.expected{stroke:#7aa7dc;stroke-dasharray:5 4}
svg.graph .edge.walked{stroke:var(--walk);stroke-width:3.2}
svg.graph .edge.illegal{stroke:var(--fail);stroke-dasharray:6 3}
svg.graph marker path{fill:#b8bec7}svg.graph marker.walked path{fill:var(--walk)}svg.graph marker.illegal path{fill:var(--fail)}
svg.graph .node circle{fill:#fff;stroke:#9aa1ab;stroke-width:1.5}
svg.graph .node .ring{fill:none;stroke:#9aa1ab;stroke-width:1}
svg.graph .node.refusal .ring{stroke:#b26a00}svg.graph .node.result .ring{stroke:var(--pass)}
svg.graph .node.walked circle:not(.ring){fill:#dbe8f8;stroke:var(--walk);stroke-width:2.6}
svg.graph .node.failed circle:not(.ring){fill:var(--fail-bg);stroke:var(--fail);stroke-width:3}
svg.graph .node.unknown circle{stroke-dasharray:3 2}
svg.graph text{font:12px system-ui,sans-serif;text-anchor:middle;fill:#1d1f23}
svg.graph .num{font-weight:700}svg.graph .actor{font-size:10px;fill:var(--muted)}
svg.graph .node.failed .num{fill:var(--fail)}
.legend{font-size:12px;color:var(--muted)}
.legend i{display:inline-block;width:22px;height:0;border-top:3px solid var(--walk);vertical-align:middle;margin:0 4px 0 10px}
.legend i.fail{border-top-color:var(--fail)}.legend i.exp{border-top:2px dashed #7aa7dc}.legend i.table{border-top:2px solid #b8bec7}
footer{max-width:1200px;margin:24px auto;padding:0 20px;color:var(--muted);font-size:12px}
"#;

/// The whole page.
pub fn render(run: &RunResults, graphs: &[TableGraph]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (verdict_class, verdict) = overall(run);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>reglament {} — {}</title><style>{STYLE}</style></head><body>\n",
        Esc(&run.run_id),
        verdict
    );
    header(&mut out, run, verdict_class, verdict);
    statement(&mut out, run);

    let _ = write!(
        out,
        "<main>\n<h2 id=\"scenarios\">Scenarios</h2>\
<input type=\"checkbox\" id=\"only-failures\"><label for=\"only-failures\"> show failures only</label>\n"
    );
    if run.scenarios.is_empty() {
        out.push_str("<p class=\"sub\">No scenario judged yet.</p>\n");
    }
    for (i, sc) in ordered(run) {
        scenario(&mut out, i, sc, graphs);
    }
    let _ = write!(
        out,
        "</main>\n<footer>reglament report, schema {} · results.json, junit.xml and summary.md beside this file hold the same results</footer>\n</body></html>\n",
        Esc(&run.schema)
    );
    out
}

/// The run's verdict: a CSS class and the words.
fn overall(run: &RunResults) -> (&'static str, &'static str) {
    if run.interrupted {
        ("interrupted", "INTERRUPTED")
    } else if run.finished_at.is_none() {
        ("running", "in progress")
    } else if run.passed() {
        ("conforms", "conforms")
    } else if run.scenarios.is_empty() {
        ("fails", "nothing run")
    } else {
        ("fails", "does not conform")
    }
}

/// The scenarios as shown: those that did not pass first, each group in run
/// order; with their run-order numbers (1-based).
pub(crate) fn ordered(run: &RunResults) -> Vec<(usize, &ScenarioResult)> {
    let mut v: Vec<(usize, &ScenarioResult)> = run
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| (i + 1, s))
        .collect();
    v.sort_by_key(|(_, s)| s.status == ScenarioStatus::Passed);
    v
}

fn header(out: &mut String, run: &RunResults, class: &str, verdict: &str) {
    let _ = writeln!(
        out,
        "<header><h1>reglament conformance run <code>{}</code></h1>\
<p>Verdict: <span id=\"verdict\" class=\"verdict {class}\">{verdict}</span></p>",
        Esc(&run.run_id)
    );
    if run.interrupted {
        let _ = writeln!(
            out,
            "<div id=\"interrupted\" class=\"banner\">INTERRUPTED — the run was stopped before its end; \
the {} scenario(s) below are those that finished. No conclusion about conformance can be drawn from it.</div>",
            run.scenarios.len()
        );
    }
    let s = &run.summary;
    out.push_str("<dl class=\"meta\">");
    let mut row = |k: &str, v: String| {
        let _ = write!(out, "<dt>{k}</dt><dd>{v}</dd>");
    };
    row(
        "target",
        format!(
            "{} <code class=\"url\">{}</code>{}",
            Esc(&run.target.kind),
            Esc(&run.target.url),
            run.target
                .implementation
                .as_deref()
                .map(|i| format!(" — {}", Esc(i)))
                .unwrap_or_default()
        ),
    );
    row(
        "faults",
        if run.target.faults.is_empty() {
            "none".into()
        } else {
            run.target
                .faults
                .iter()
                .map(|f| format!("<code>{}</code>", Esc(f)))
                .collect::<Vec<_>>()
                .join(", ")
        },
    );
    row(
        "model digest",
        format!("<code>{}</code>", Esc(&run.model_digest)),
    );
    let sel = &run.selection;
    let list = |v: &[String]| {
        if v.is_empty() {
            "all".to_string()
        } else {
            v.iter()
                .map(|x| Esc(x).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    row(
        "selection",
        format!(
            "services: {} · channels: {} · tags: {}",
            list(&sel.services),
            list(&sel.channels),
            list(&sel.tags)
        ),
    );
    row(
        "time",
        format!(
            "{} → {}",
            Esc(&run.started_at),
            run.finished_at
                .as_deref()
                .map(|f| Esc(f).to_string())
                .unwrap_or_else(|| "—".into())
        ),
    );
    row(
        "summary",
        format!(
            "{} scenario(s): {} passed, {} failed, {} error(s); {} step(s) judged, {} failed{}",
            s.scenarios,
            s.passed,
            s.failed,
            s.errors,
            s.steps_judged,
            s.steps_failed,
            s.worst_budget_use
                .map(|u| format!("; worst budget use {}", pct(u)))
                .unwrap_or_default()
        ),
    );
    out.push_str("</dl></header>\n");
}

fn statement(out: &mut String, run: &RunResults) {
    out.push_str(
        "<section class=\"statement\"><h2 id=\"statement\">Conformance statement</h2>\
<table id=\"statement-table\"><thead><tr><th>service</th><th>channel</th><th>claimed</th>\
<th>scenarios run</th><th>passed</th><th>failed</th><th>conclusion</th></tr></thead><tbody>\n",
    );
    if run.statement.is_empty() {
        out.push_str("<tr><td colspan=\"7\" class=\"sub\">nothing selected</td></tr>\n");
    }
    for r in &run.statement {
        let class = match r.conclusion.as_str() {
            "conforms" => "c-conforms",
            "does not conform" => "c-fails",
            _ => "c-other",
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
<td class=\"num\">{}</td><td class=\"{class}\">{}</td></tr>",
            Esc(&r.service),
            Esc(&r.channel),
            if r.claimed { "yes" } else { "no" },
            r.scenarios_run,
            r.scenarios_passed,
            r.scenarios_run.saturating_sub(r.scenarios_passed),
            Esc(&r.conclusion)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn status_word(s: ScenarioStatus) -> &'static str {
    match s {
        ScenarioStatus::Passed => "passed",
        ScenarioStatus::Failed => "failed",
        ScenarioStatus::Error => "error",
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::NotJudged => "not-judged",
    }
}

fn scenario(out: &mut String, i: usize, sc: &ScenarioResult, graphs: &[TableGraph]) {
    let status = status_word(sc.status);
    let open = if sc.status == ScenarioStatus::Passed {
        ""
    } else {
        " open"
    };
    let _ = writeln!(
        out,
        "<details class=\"scenario {status}\" id=\"sc-{i}\" data-status=\"{status}\"{open}>\
<summary><span class=\"badge {status}\">{}</span>{} / {} — <span class=\"name\">{}</span> \
<span class=\"sub\">#{i} · {} · {}</span></summary>",
        status.to_uppercase(),
        Esc(&sc.service),
        Esc(&sc.channel),
        Esc(&sc.name),
        Esc(&sc.source),
        if sc.duration_ms < 1000 {
            format!("{} ms", sc.duration_ms)
        } else {
            duration(sc.duration_ms as f64 / 1000.0)
        },
    );
    let _ = writeln!(
        out,
        "<p class=\"sub\">tags: {} · request id: {} · path expected <code>{}</code>, observed <code>{}</code></p>",
        if sc.tags.is_empty() {
            "none".to_string()
        } else {
            sc.tags
                .iter()
                .map(|t| format!("@{}", Esc(t)))
                .collect::<Vec<_>>()
                .join(" ")
        },
        sc.request_id
            .as_deref()
            .map(|r| format!("<code>{}</code>", Esc(r)))
            .unwrap_or_else(|| "—".into()),
        path_text(&sc.expected_path),
        path_text(&sc.observed_path),
    );

    // What failed, spelled out.
    let failed_steps: Vec<&StepVerdict> = sc
        .steps
        .iter()
        .filter(|s| s.verdict == Verdict::Fail)
        .collect();
    let failed_checks: Vec<&CheckVerdict> = sc
        .checks
        .iter()
        .filter(|c| c.verdict == Verdict::Fail)
        .collect();
    if !failed_steps.is_empty() || !failed_checks.is_empty() || sc.error.is_some() {
        out.push_str("<h3>What failed</h3><ul class=\"failures\">");
        for s in &failed_steps {
            let _ = write!(
                out,
                "<li class=\"failed-step\" data-step=\"{}\"><b>step {}</b> <span class=\"what\">({} — {}; limit “{}”, <code>{}</code>)</span>: {}</li>",
                s.step,
                s.step,
                Esc(&s.actor),
                Esc(&s.action_en),
                Esc(&s.limit_raw),
                Esc(&s.source),
                Esc(s.reason.as_deref().unwrap_or("failed"))
            );
        }
        for c in &failed_checks {
            let _ = write!(
                out,
                "<li class=\"failed-check\"><b>{}</b>: {}</li>",
                Esc(&c.check),
                Esc(&c.detail)
            );
        }
        if let Some(e) = &sc.error {
            let _ = write!(out, "<li class=\"error\"><b>error</b>: {}</li>", Esc(e));
        }
        out.push_str("</ul>\n");
    }

    timeline(out, sc);
    checks(out, sc);

    // The step graph with the walked path.
    out.push_str("<h3>Step graph</h3>");
    match graphs
        .iter()
        .find(|g| g.service == sc.service && g.channel == sc.channel)
    {
        Some(g) => {
            let failed: BTreeSet<u32> = failed_steps.iter().map(|s| s.step).collect();
            let _ = writeln!(
                out,
                "<div class=\"graphbox\">{}</div><p class=\"legend\"><i></i>walked path<i class=\"exp\"></i>expected, not walked\
<i class=\"table\"></i>other transitions of the table<i class=\"fail\"></i>failed step / walked outside the table · ringed: the process ends there</p>",
                graph::svg(
                    g,
                    &graph::Highlight {
                        walked: &sc.observed_path,
                        expected: &sc.expected_path,
                        failed: &failed,
                    },
                    i,
                )
            );
        }
        None => out.push_str("<p class=\"sub\">no step table for this service and channel</p>\n"),
    }
    out.push_str("</details>\n");
}

/// Bars: the 0–150 % range of the budget; the act's limit is the line at 100 %.
const BAR_W: f64 = 240.0;
const BAR_SPAN: f64 = 1.5;

fn timeline(out: &mut String, sc: &ScenarioResult) {
    out.push_str(
        "<h3>Timeline against the act's limits</h3><table class=\"timeline\"><thead><tr>\
<th>step</th><th>actor</th><th>limit (act)</th><th>took</th><th>against the limit</th><th>use</th><th>verdict</th></tr></thead><tbody>\n",
    );
    for s in &sc.steps {
        let verdict = verdict_word(s.verdict);
        let took = s.observed.as_ref().and_then(|o| o.duration_s);
        let kind = s
            .budget
            .as_ref()
            .and_then(|b| b.get("kind"))
            .and_then(|k| k.as_str());
        let max_s = s
            .budget
            .as_ref()
            .and_then(|b| b.get("max_s"))
            .and_then(|m| m.as_f64());
        let over = s.budget_use.is_some_and(|u| u > 1.0);
        let bar = match (kind, max_s) {
            (Some("wallclock"), Some(max)) => bar(took, s.budget_use, max, over),
            (Some("working_days"), _) => {
                let days = s
                    .budget
                    .as_ref()
                    .and_then(|b| b.get("days"))
                    .and_then(|d| d.as_u64())
                    .unwrap_or(0);
                days_pill(
                    s.verdict,
                    &format!("{days} working day(s), by the calendar"),
                )
            }
            (Some("calendar_days"), _) => {
                let max = s
                    .budget
                    .as_ref()
                    .and_then(|b| b.get("max_days"))
                    .and_then(|d| d.as_u64())
                    .unwrap_or(0);
                days_pill(
                    s.verdict,
                    &format!("{max} calendar day(s), by the calendar"),
                )
            }
            _ => "<span class=\"sub\">no readable limit</span>".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr class=\"step {verdict}\" data-step=\"{}\"><td class=\"step num\">{}</td><td>{}</td>\
<td>{}{}</td><td class=\"num\">{}</td><td>{bar}</td><td class=\"num use{}\">{}</td>\
<td class=\"v-{verdict}\">{}{}</td></tr>",
            s.step,
            s.step,
            Esc(&s.actor),
            Esc(&s.limit_raw),
            max_s
                .filter(|_| kind == Some("wallclock"))
                .map(|m| format!(" <span class=\"sub\">(max {})</span>", duration(m)))
                .unwrap_or_default(),
            took.map(duration).unwrap_or_else(|| "—".into()),
            if over { " over" } else { "" },
            s.budget_use.map(pct).unwrap_or_else(|| "—".into()),
            verdict,
            s.reason
                .as_deref()
                .map(|r| format!(" <span class=\"sub\">— {}</span>", Esc(r)))
                .unwrap_or_default(),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn bar(took: Option<f64>, used: Option<f64>, max_s: f64, over: bool) -> String {
    let used = used.or_else(|| took.filter(|_| max_s > 0.0).map(|t| t / max_s));
    let limit_x = BAR_W / BAR_SPAN;
    let fill = match used {
        Some(u) if u.is_finite() => (u.clamp(0.0, BAR_SPAN) / BAR_SPAN * BAR_W).max(1.5),
        _ => 0.0,
    };
    let class = if used.is_none() {
        "fill none"
    } else if over {
        "fill over"
    } else {
        "fill"
    };
    format!(
        "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{BAR_W}\" height=\"14\" viewBox=\"0 0 {BAR_W} 14\">\
<title>{} of {}{}</title>\
<rect class=\"track\" x=\"0\" y=\"2\" width=\"{limit_x:.1}\" height=\"10\"/>\
<rect class=\"overzone\" x=\"{limit_x:.1}\" y=\"2\" width=\"{:.1}\" height=\"10\"/>\
<rect class=\"{class}\" x=\"0\" y=\"3\" width=\"{fill:.1}\" height=\"8\"/>\
<line class=\"limit\" x1=\"{limit_x:.1}\" y1=\"0\" x2=\"{limit_x:.1}\" y2=\"14\"/></svg>",
        took.map(duration).unwrap_or_else(|| "nothing observed".into()),
        duration(max_s),
        used.map(|u| format!(" ({})", pct(u))).unwrap_or_default(),
        BAR_W - limit_x,
    )
}

fn days_pill(v: Verdict, text: &str) -> String {
    let word = match v {
        Verdict::Pass => " — kept",
        Verdict::Fail => " — missed",
        Verdict::NotJudged => " — not judged",
    };
    format!(
        "<span class=\"days {}\">{}{word}</span>",
        verdict_word(v),
        Esc(text)
    )
}

fn checks(out: &mut String, sc: &ScenarioResult) {
    if sc.checks.is_empty() {
        return;
    }
    out.push_str(
        "<h3>Checks</h3><table class=\"checks\"><thead><tr><th>check</th><th>verdict</th><th>detail</th></tr></thead><tbody>\n",
    );
    for c in &sc.checks {
        let v = verdict_word(c.verdict);
        let _ = writeln!(
            out,
            "<tr class=\"check {v}\"><td>{}</td><td class=\"v-{v}\">{v}</td><td>{}</td></tr>",
            Esc(&c.check),
            Esc(&c.detail)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn path_text(p: &[u32]) -> String {
    if p.is_empty() {
        "—".into()
    } else {
        p.iter().map(u32::to_string).collect::<Vec<_>>().join(" → ")
    }
}

/// A share of a budget as a percentage (HTML), with precision where it is small.
fn pct(u: f64) -> String {
    let p = u * 100.0;
    if !p.is_finite() {
        "—".into()
    } else if p <= 0.0 {
        "0 %".into()
    } else if p < 0.1 {
        "&lt;0.1 %".into()
    } else if p < 10.0 {
        format!("{p:.1} %")
    } else {
        format!("{p:.0} %")
    }
}

fn duration(s: f64) -> String {
    /// One decimal, none when it is a zero.
    fn num(x: f64, unit: &str) -> String {
        let t = format!("{x:.1}");
        format!("{} {unit}", t.strip_suffix(".0").unwrap_or(&t))
    }
    if !s.is_finite() || s < 0.0 {
        "—".into()
    } else if s < 1e-3 {
        format!("{:.0} µs", s * 1e6)
    } else if s < 1.0 {
        num(s * 1e3, "ms")
    } else if s < 120.0 {
        num(s, "s")
    } else if s < 7200.0 {
        num(s / 60.0, "min")
    } else {
        num(s / 3600.0, "h")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = "<script>alert(1)</script>";

    fn step(n: u32, took: f64, max: f64) -> StepVerdict {
        let used = took / max;
        StepVerdict {
            step: n,
            actor: "ЭҮП".into(),
            action_en: "does a thing".into(),
            limit_raw: format!("{max} сек"),
            budget: Some(serde_json::json!({"kind": "wallclock", "max_s": max, "min_s": 0.0})),
            observed: Some(Observed {
                at: "2026-01-01T00:00:00+05:00".into(),
                outcome: "done".into(),
                duration_s: Some(took),
                measured_by: "harness (monotonic)".into(),
            }),
            budget_use: Some(used),
            verdict: if used > 1.0 {
                Verdict::Fail
            } else {
                Verdict::Pass
            },
            reason: (used > 1.0).then(|| format!("took {took} s")),
            source: "features/x/portal.feature:20".into(),
        }
    }

    fn scenario(name: &str, status: ScenarioStatus, steps: Vec<StepVerdict>) -> ScenarioResult {
        ScenarioResult {
            service: "svc".into(),
            channel: "portal".into(),
            name: name.into(),
            tags: vec!["main".into()],
            source: "features/x/portal.feature:50".into(),
            status,
            expected_path: steps.iter().map(|s| s.step).collect(),
            observed_path: steps.iter().map(|s| s.step).collect(),
            steps,
            checks: vec![CheckVerdict {
                check: "path".into(),
                verdict: Verdict::Pass,
                detail: "[1, 2]".into(),
            }],
            duration_ms: 1200,
            error: None,
            request_id: Some("R1".into()),
        }
    }

    fn run(scenarios: Vec<ScenarioResult>) -> RunResults {
        let mut r = RunResults {
            schema: SCHEMA.into(),
            run_id: "RUN-1".into(),
            started_at: "2026-01-01T00:00:00Z".into(),
            finished_at: Some("2026-01-01T00:01:00Z".into()),
            interrupted: false,
            target: TargetInfo {
                kind: "url".into(),
                url: "http://example.invalid/r".into(),
                implementation: None,
                faults: vec![],
            },
            model_digest: "sha256:abc".into(),
            selection: Selection::default(),
            scenarios,
            summary: Summary::default(),
            statement: vec![StatementRow {
                service: "svc".into(),
                channel: "portal".into(),
                claimed: true,
                scenarios_run: 0,
                scenarios_passed: 0,
                conclusion: String::new(),
            }],
        };
        r.recount();
        r
    }

    fn graphs() -> Vec<TableGraph> {
        vec![TableGraph {
            service: "svc".into(),
            channel: "portal".into(),
            steps: vec![
                GraphStep {
                    n: 1,
                    actor: "Алушы".into(),
                    next: vec![2, 3],
                    outcome: None,
                },
                GraphStep {
                    n: 2,
                    actor: "ЭҮП".into(),
                    next: vec![],
                    outcome: Some("result".into()),
                },
                GraphStep {
                    n: 3,
                    actor: "ЭҮП".into(),
                    next: vec![],
                    outcome: Some("refusal".into()),
                },
            ],
        }]
    }

    #[test]
    fn esc_escapes_markup_and_controls() {
        assert_eq!(
            Esc("a<b>&\"c'\u{0}d\né").to_string(),
            "a&lt;b&gt;&amp;&quot;c&#39;\u{fffd}d\né"
        );
        assert_eq!(Esc("plain Қазақ").to_string(), "plain Қазақ");
    }

    #[test]
    fn target_and_feature_text_never_becomes_markup() {
        let mut bad = scenario(
            EVIL,
            ScenarioStatus::Failed,
            vec![step(1, 1.0, 15.0), step(2, 20.0, 15.0)],
        );
        bad.steps[1].reason = Some(EVIL.into());
        bad.steps[1].actor = EVIL.into();
        bad.checks.push(CheckVerdict {
            check: "status-text".into(),
            verdict: Verdict::Fail,
            detail: format!("the target said \"{EVIL}\""),
        });
        bad.error = Some(EVIL.into());
        bad.tags.push(EVIL.into());
        let mut r = run(vec![bad]);
        r.target.url = format!("javascript:{EVIL}");
        r.target.faults = vec![EVIL.into()];
        r.run_id = EVIL.into();
        r.statement[0].service = EVIL.into();
        let mut g = graphs();
        g[0].service = EVIL.into();
        g[0].steps[0].actor = EVIL.into();
        r.scenarios[0].service = EVIL.into();
        let html = render(&r, &g);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert(1)</"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // In the scenario's name and in the failure reason.
        assert!(html.contains("<span class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
        assert!(html.contains("</span>: &lt;script&gt;alert(1)&lt;/script&gt;</li>"));
        // The URL is text, never a link.
        assert!(!html.contains("href="));
        assert!(html.contains("script-src") || html.contains("default-src 'none'"));
    }

    #[test]
    fn failures_come_first_in_run_order() {
        let r = run(vec![
            scenario(
                "first passes",
                ScenarioStatus::Passed,
                vec![step(1, 1.0, 15.0)],
            ),
            scenario(
                "second fails",
                ScenarioStatus::Failed,
                vec![step(1, 16.0, 15.0)],
            ),
            scenario(
                "third passes",
                ScenarioStatus::Passed,
                vec![step(1, 1.0, 15.0)],
            ),
            scenario("fourth errs", ScenarioStatus::Error, vec![]),
        ]);
        let html = render(&r, &graphs());
        let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(pos("second fails") < pos("fourth errs"));
        assert!(pos("fourth errs") < pos("first passes"));
        assert!(pos("first passes") < pos("third passes"));
        // The sections keep their run-order numbers.
        assert!(pos("id=\"sc-2\"") < pos("id=\"sc-4\""));
        assert!(pos("id=\"sc-4\"") < pos("id=\"sc-1\""));
        assert!(html.contains(
            "<details class=\"scenario failed\" id=\"sc-2\" data-status=\"failed\" open>"
        ));
        assert!(
            html.contains("<details class=\"scenario passed\" id=\"sc-1\" data-status=\"passed\">")
        );
        assert!(html.contains("class=\"verdict fails\">does not conform<"));
        assert!(!html.contains("id=\"interrupted\""));
    }

    #[test]
    fn over_budget_step_is_red_with_its_use() {
        let r = run(vec![scenario(
            "slow",
            ScenarioStatus::Failed,
            vec![step(1, 0.5, 15.0), step(7, 16.0, 15.0)],
        )]);
        let html = render(&r, &graphs());
        assert!(html.contains("<tr class=\"step fail\" data-step=\"7\">"));
        assert!(
            html.contains("<td class=\"num use over\">107 %</td>"),
            "{html}"
        );
        assert!(html.contains("class=\"fill over\""));
        assert!(html.contains("<li class=\"failed-step\" data-step=\"7\">"));
        assert!(html.contains("<td class=\"num use\">3.3 %</td>"));
    }

    #[test]
    fn day_budgets_show_the_calendar_verdict() {
        let mut s = step(2, 1.0, 15.0);
        s.budget = Some(serde_json::json!({"kind": "working_days", "days": 5}));
        s.budget_use = None;
        s.verdict = Verdict::Fail;
        s.reason = Some("done late".into());
        let html = render(
            &run(vec![scenario("days", ScenarioStatus::Failed, vec![s])]),
            &[],
        );
        assert!(html.contains(
            "<span class=\"days fail\">5 working day(s), by the calendar — missed</span>"
        ));
        assert!(html.contains("no step table for this service and channel"));
    }

    #[test]
    fn interrupted_run_shows_the_banner() {
        let mut r = run(vec![scenario(
            "one",
            ScenarioStatus::Passed,
            vec![step(1, 1.0, 15.0)],
        )]);
        r.interrupted = true;
        let html = render(&r, &graphs());
        assert!(html.contains("<div id=\"interrupted\" class=\"banner\">INTERRUPTED"));
        assert!(html.contains("class=\"verdict interrupted\">INTERRUPTED<"));
    }

    #[test]
    fn a_run_in_progress_is_not_a_verdict() {
        let mut r = run(vec![scenario(
            "one",
            ScenarioStatus::Passed,
            vec![step(1, 1.0, 15.0)],
        )]);
        r.finished_at = None;
        let html = render(&r, &graphs());
        assert!(html.contains("class=\"verdict running\">in progress<"));
        r.finished_at = Some("x".into());
        assert!(render(&r, &graphs()).contains("class=\"verdict conforms\">conforms<"));
    }

    #[test]
    fn the_graph_highlights_the_walked_path() {
        let mut sc = scenario(
            "refused",
            ScenarioStatus::Failed,
            vec![step(1, 1.0, 15.0), step(3, 20.0, 15.0)],
        );
        sc.expected_path = vec![1, 3];
        let html = render(&run(vec![sc]), &graphs());
        assert!(html.contains("<svg class=\"graph\""));
        assert!(html.contains("class=\"edge walked\" data-from=\"1\" data-to=\"3\""));
        assert!(html.contains("class=\"edge\" data-from=\"1\" data-to=\"2\""));
        assert!(html.contains("class=\"node walked failed refusal\" data-step=\"3\""));
    }

    #[test]
    fn the_reporter_writes_report_html() {
        let dir = std::env::temp_dir().join(format!("reglament-html-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut h = Html {
            dir: dir.clone(),
            graphs: graphs(),
        };
        let r = run(vec![scenario(
            "one",
            ScenarioStatus::Passed,
            vec![step(1, 1.0, 15.0)],
        )]);
        h.scenario(&r, &r.scenarios[0]).unwrap();
        h.finish(&r).unwrap();
        let text = std::fs::read_to_string(dir.join("report.html")).unwrap();
        assert!(text.starts_with("<!DOCTYPE html>"));
        assert!(text.ends_with("</html>\n"));
        assert!(!dir.join("report.partial").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
