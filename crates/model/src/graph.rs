//! The step graph of a table as Graphviz DOT and Mermaid.
//!
//! The acts' own diagrams are missing from the published text; this restores
//! them from the transcription. Edges are the transitions the harness allows;
//! where an erratum changed a row's next action, the act's verbatim edges are
//! drawn too (dashed, grey, labelled "act"), so both readings stay visible.

use crate::model::{NextReading, Outcome, Step, StepTable};
use std::fmt::Write;

/// One edge of the drawing.
struct Edge<'a> {
    from: u32,
    to: u32,
    label: Option<&'a str>,
    as_written_only: bool,
}

fn edges(table: &StepTable) -> Vec<Edge<'_>> {
    let mut out = Vec::new();
    for step in &table.steps {
        for t in &step.next {
            out.push(Edge {
                from: step.n,
                to: t.to,
                label: t.when.as_deref(),
                as_written_only: false,
            });
        }
        if let Some(NextReading::Transitions(written)) = &step.next_as_written {
            for t in written {
                if !step.next.iter().any(|e| e.to == t.to) {
                    out.push(Edge {
                        from: step.n,
                        to: t.to,
                        label: t.when.as_deref(),
                        as_written_only: true,
                    });
                }
            }
        }
    }
    out
}

fn short(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

fn node_label(step: &Step) -> String {
    let limit = if step.limit_raw.trim().is_empty() {
        "—".to_string()
    } else {
        step.limit_raw.clone()
    };
    format!(
        "{}. {}\n{}\n⏱ {}",
        step.n,
        step.actor,
        short(&step.action_en, 48),
        limit
    )
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Graphviz DOT. `highlight` is a walked path whose edges are drawn bold.
pub fn to_dot(title: &str, table: &StepTable, highlight: &[u32]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(title));
    let _ = writeln!(
        out,
        "  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];"
    );
    for step in &table.steps {
        let style = match step.outcome {
            Some(Outcome::Refusal) => ", color=firebrick, penwidth=2",
            Some(Outcome::Result) => ", color=darkgreen, penwidth=2",
            None => "",
        };
        let walked = if highlight.contains(&step.n) {
            ", style=\"rounded,filled\", fillcolor=lightyellow"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  s{} [label=\"{}\"{style}{walked}];",
            step.n,
            dot_escape(&node_label(step))
        );
    }
    let walked: Vec<(u32, u32)> = highlight.windows(2).map(|w| (w[0], w[1])).collect();
    for e in edges(table) {
        let mut attrs = Vec::new();
        if let Some(l) = e.label {
            attrs.push(format!("label=\"{}\"", dot_escape(&short(l, 40))));
        }
        if e.as_written_only {
            attrs.push("style=dashed, color=grey55, fontcolor=grey55".into());
            attrs.push("xlabel=\"act\"".into());
        }
        if walked.contains(&(e.from, e.to)) && !e.as_written_only {
            attrs.push("penwidth=3".into());
        }
        let _ = writeln!(out, "  s{} -> s{} [{}];", e.from, e.to, attrs.join(", "));
    }
    out.push_str("}\n");
    out
}

fn mermaid_escape(s: &str) -> String {
    s.replace('"', "#quot;").replace('\n', "<br/>")
}

/// Mermaid flowchart (renders in GitLab/GitHub markdown).
pub fn to_mermaid(table: &StepTable) -> String {
    let mut out = String::from("flowchart TD\n");
    for step in &table.steps {
        let label = mermaid_escape(&node_label(step));
        let _ = match step.outcome {
            Some(_) => writeln!(out, "  s{}([\"{label}\"])", step.n),
            None => writeln!(out, "  s{}[\"{label}\"]", step.n),
        };
    }
    for e in edges(table) {
        let arrow = if e.as_written_only { "-.->" } else { "-->" };
        let label = match (e.label, e.as_written_only) {
            (Some(l), true) => format!("|\"act: {}\"|", mermaid_escape(&short(l, 40))),
            (None, true) => "|act|".to_string(),
            (Some(l), false) => format!("|\"{}\"|", mermaid_escape(&short(l, 40))),
            (None, false) => String::new(),
        };
        let _ = writeln!(out, "  s{} {arrow}{label} s{}", e.from, e.to);
    }
    for step in &table.steps {
        let _ = match step.outcome {
            Some(Outcome::Refusal) => {
                writeln!(out, "  style s{} stroke:#b22222,stroke-width:2px", step.n)
            }
            Some(Outcome::Result) => {
                writeln!(out, "  style s{} stroke:#006400,stroke-width:2px", step.n)
            }
            None => Ok(()),
        };
    }
    out
}
