//! The step graph of a table as inline SVG, with a scenario's walked path
//! highlighted. Layout: layers by BFS depth from the table's first row, left
//! to right; rows within a layer by step number; rows the first row cannot
//! reach (and steps the target walked that the table lacks) in one last layer.

use super::{Esc, GraphStep, TableGraph};
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt::Write;

const DX: f64 = 86.0;
const DY: f64 = 58.0;
const R: f64 = 15.0;
const PAD_X: f64 = 28.0;
const PAD_Y: f64 = 40.0;

/// What the drawing highlights: the walked (observed) path, the expected
/// path where it differs, and the steps judged failed.
pub struct Highlight<'a> {
    pub walked: &'a [u32],
    pub expected: &'a [u32],
    pub failed: &'a BTreeSet<u32>,
}

struct Node<'a> {
    n: u32,
    step: Option<&'a GraphStep>,
    x: f64,
    y: f64,
}

/// Column (depth) of every node, in the order the nodes are drawn.
fn layers(graph: &TableGraph, extra: &[u32]) -> Vec<(u32, usize)> {
    let index: HashMap<u32, &GraphStep> = graph.steps.iter().map(|s| (s.n, s)).collect();
    let mut depth: HashMap<u32, usize> = HashMap::new();
    if let Some(first) = graph.steps.first() {
        let mut queue = VecDeque::from([first.n]);
        depth.insert(first.n, 0);
        while let Some(n) = queue.pop_front() {
            let d = depth[&n];
            for to in &index[&n].next {
                if index.contains_key(to) && !depth.contains_key(to) {
                    depth.insert(*to, d + 1);
                    queue.push_back(*to);
                }
            }
        }
    }
    let last = depth.values().max().map_or(0, |d| d + 1);
    let mut out: Vec<(u32, usize)> = graph
        .steps
        .iter()
        .map(|s| (s.n, depth.get(&s.n).copied().unwrap_or(last)))
        .collect();
    for n in extra {
        if !out.iter().any(|(m, _)| m == n) {
            out.push((*n, last));
        }
    }
    out
}

fn place<'a>(graph: &'a TableGraph, extra: &[u32]) -> Vec<Node<'a>> {
    let layered = layers(graph, extra);
    let columns = layered.iter().map(|(_, d)| d + 1).max().unwrap_or(0);
    let mut per_column: Vec<Vec<u32>> = vec![Vec::new(); columns];
    for (n, d) in &layered {
        per_column[*d].push(*n);
    }
    for col in &mut per_column {
        col.sort_unstable();
    }
    let tallest = per_column.iter().map(Vec::len).max().unwrap_or(0);
    let mut nodes = Vec::new();
    for (d, col) in per_column.iter().enumerate() {
        let offset = (tallest - col.len()) as f64 * DY / 2.0;
        for (i, n) in col.iter().enumerate() {
            nodes.push(Node {
                n: *n,
                step: graph.steps.iter().find(|s| s.n == *n),
                x: PAD_X + R + d as f64 * DX,
                y: PAD_Y + R + offset + i as f64 * DY,
            });
        }
    }
    nodes
}

fn pairs(path: &[u32]) -> Vec<(u32, u32)> {
    path.windows(2).map(|w| (w[0], w[1])).collect()
}

fn short(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

/// The path of an edge from `a` to `b`: a straight line between adjacent
/// layers, a curve otherwise (above for forward jumps, below for back edges),
/// ending on the circles' rims so the arrowhead shows.
fn edge_path(a: &Node, b: &Node, bend_index: usize) -> String {
    if a.n == b.n {
        // A loop on one row.
        return format!(
            "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            a.x - 6.0,
            a.y - R,
            a.x - 26.0,
            a.y - R - 34.0,
            a.x + 26.0,
            a.y - R - 34.0,
            a.x + 6.0,
            a.y - R
        );
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let adjacent = (dx - DX).abs() < 1.0;
    if adjacent {
        let (ux, uy) = (dx / len, dy / len);
        return format!(
            "M{:.1},{:.1} L{:.1},{:.1}",
            a.x + ux * R,
            a.y + uy * R,
            b.x - ux * (R + 2.0),
            b.y - uy * (R + 2.0)
        );
    }
    // Bend along the normal: with SVG's y downwards, `mid - normal * bend`
    // bows forward jumps upwards and back edges downwards.
    let (nx, ny) = (-dy / len, dx / len);
    // Back edges bow further, below the actors' labels.
    let base = if dx < 0.0 { 62.0 } else { 22.0 };
    let bend = base + 0.18 * len + 8.0 * bend_index as f64;
    let (mx, my) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let (cx, cy) = (mx - nx * bend, my - ny * bend);
    let rim = |from: &Node, tx: f64, ty: f64, extra: f64| {
        let (vx, vy) = (tx - from.x, ty - from.y);
        let l = (vx * vx + vy * vy).sqrt().max(1.0);
        (from.x + vx / l * (R + extra), from.y + vy / l * (R + extra))
    };
    let (sx, sy) = rim(a, cx, cy, 0.0);
    let (ex, ey) = rim(b, cx, cy, 2.0);
    format!("M{sx:.1},{sy:.1} Q{cx:.1},{cy:.1} {ex:.1},{ey:.1}")
}

/// The SVG of `graph` with `hl` highlighted. `uid` keeps the marker ids of
/// several drawings in one page apart.
pub fn svg(graph: &TableGraph, hl: &Highlight, uid: usize) -> String {
    let extra: Vec<u32> = hl
        .walked
        .iter()
        .chain(hl.expected)
        .copied()
        .filter(|n| !graph.steps.iter().any(|s| s.n == *n))
        .collect();
    let nodes = place(graph, &extra);
    let at: HashMap<u32, &Node> = nodes.iter().map(|n| (n.n, n)).collect();
    let width = nodes.iter().map(|n| n.x).fold(0.0, f64::max) + R + PAD_X;
    let height = nodes.iter().map(|n| n.y).fold(0.0, f64::max) + R + PAD_Y;

    let walked = pairs(hl.walked);
    let expected = pairs(hl.expected);
    let walked_nodes: BTreeSet<u32> = hl.walked.iter().copied().collect();

    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-label=\"step graph of {} {}\">",
        Esc(&graph.service),
        Esc(&graph.channel),
        w = width,
        h = height
    );
    let _ = write!(out, "<defs>");
    for (suffix, class) in [
        ("", "arrow"),
        ("-w", "arrow walked"),
        ("-x", "arrow illegal"),
    ] {
        let _ = write!(
            out,
            "<marker id=\"ah{uid}{suffix}\" class=\"{class}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>"
        );
    }
    let _ = write!(out, "</defs>");

    // Edges of the table, then walked edges the table does not allow.
    let mut drawn: Vec<(u32, u32)> = Vec::new();
    let mut edges: Vec<(u32, u32, bool)> = Vec::new();
    for s in &graph.steps {
        for to in &s.next {
            if at.contains_key(to) && !drawn.contains(&(s.n, *to)) {
                drawn.push((s.n, *to));
                edges.push((s.n, *to, true));
            }
        }
    }
    for (a, b) in walked.iter().chain(&expected) {
        if !drawn.contains(&(*a, *b)) && at.contains_key(a) && at.contains_key(b) {
            drawn.push((*a, *b));
            edges.push((*a, *b, false));
        }
    }
    // Draw highlighted edges last so they are on top.
    edges.sort_by_key(|(a, b, _)| walked.contains(&(*a, *b)));
    let mut bends: HashMap<(u32, u32), usize> = HashMap::new();
    for (a, b, in_table) in edges {
        let (na, nb) = (at[&a], at[&b]);
        let key = (a.min(b), a.max(b));
        let k = bends.entry(key).or_default();
        let d = edge_path(na, nb, *k);
        *k += 1;
        let is_walked = walked.contains(&(a, b));
        let is_expected = expected.contains(&(a, b));
        let mut class = String::from("edge");
        let mut marker = format!("ah{uid}");
        if is_walked {
            class.push_str(" walked");
            marker.push_str("-w");
        }
        if is_expected && !is_walked && hl.walked != hl.expected {
            class.push_str(" expected");
        }
        if !in_table {
            class.push_str(" illegal");
            marker = format!("ah{uid}-x");
        }
        let _ = write!(
            out,
            "<path class=\"{class}\" data-from=\"{a}\" data-to=\"{b}\" d=\"{d}\" marker-end=\"url(#{marker})\"><title>{a} → {b}{}</title></path>",
            if in_table { "" } else { " (not in the table)" }
        );
    }

    let first = graph.steps.first().map(|s| s.n);
    for node in &nodes {
        let mut class = String::from("node");
        if Some(node.n) == first {
            class.push_str(" start");
        }
        if walked_nodes.contains(&node.n) {
            class.push_str(" walked");
        }
        if hl.failed.contains(&node.n) {
            class.push_str(" failed");
        }
        let outcome = node.step.and_then(|s| s.outcome.as_deref());
        match outcome {
            Some("refusal") => class.push_str(" refusal"),
            Some("result") => class.push_str(" result"),
            _ => {}
        }
        if node.step.is_none() {
            class.push_str(" unknown");
        }
        let actor = node
            .step
            .map(|s| s.actor.as_str())
            .unwrap_or("not in the table");
        let _ = write!(
            out,
            "<g class=\"{class}\" data-step=\"{n}\"><title>step {n} — {}{}</title>",
            Esc(actor),
            match outcome {
                Some(o) => format!(" ({})", Esc(o)),
                None => String::new(),
            },
            n = node.n
        );
        if outcome.is_some() {
            let _ = write!(
                out,
                "<circle class=\"ring\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\"/>",
                node.x,
                node.y,
                R + 3.5
            );
        }
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{R:.1}\"/><text class=\"num\" x=\"{:.1}\" y=\"{:.1}\">{}</text><text class=\"actor\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            node.x,
            node.y,
            node.x,
            node.y + 4.5,
            node.n,
            node.x,
            node.y + R + 15.0,
            Esc(&short(actor, 12))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(n: u32, next: &[u32], outcome: Option<&str>) -> GraphStep {
        GraphStep {
            n,
            actor: format!("A{n}"),
            next: next.to_vec(),
            outcome: outcome.map(str::to_string),
        }
    }

    fn graph() -> TableGraph {
        TableGraph {
            service: "svc".into(),
            channel: "portal".into(),
            steps: vec![
                step(1, &[2, 3], None),
                step(2, &[], Some("refusal")),
                step(3, &[4, 1], None),
                step(4, &[], Some("result")),
                step(5, &[4], None),
            ],
        }
    }

    #[test]
    fn layers_by_bfs_depth_unreachable_last() {
        let l = layers(&graph(), &[]);
        assert_eq!(l, vec![(1, 0), (2, 1), (3, 1), (4, 2), (5, 3)]);
        let l = layers(&graph(), &[9]);
        assert_eq!(l.last(), Some(&(9, 3)));
    }

    #[test]
    fn walked_path_is_highlighted_and_illegal_edges_drawn() {
        let failed = BTreeSet::from([4]);
        let s = svg(
            &graph(),
            &Highlight {
                walked: &[1, 3, 4, 2],
                expected: &[1, 3, 4],
                failed: &failed,
            },
            7,
        );
        assert!(
            s.contains("class=\"edge walked\" data-from=\"1\" data-to=\"3\""),
            "{s}"
        );
        assert!(s.contains("class=\"edge walked\" data-from=\"3\" data-to=\"4\""));
        assert!(s.contains("class=\"edge\" data-from=\"1\" data-to=\"2\""));
        assert!(s.contains("class=\"edge walked illegal\" data-from=\"4\" data-to=\"2\""));
        assert!(s.contains("class=\"node start walked\" data-step=\"1\""));
        assert!(s.contains("class=\"node walked failed result\" data-step=\"4\""));
        assert!(s.contains("class=\"node\" data-step=\"5\""));
        assert!(s.contains("id=\"ah7-w\""));
        assert!(!s.contains("NaN"));
    }
}
