//! The `reglament` binary, end to end: exit codes, file:line errors, the model
//! JSON contract, graphs and the generated errata page.

use std::path::Path;
use std::process::{Command, Output};

fn reglament(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("reglament runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_shipped_features_lint_clean_even_with_warnings_denied() {
    let o = reglament(&["lint", "--deny-warnings", "features"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("lint: 0 error(s), 0 warning(s)"));
}

#[test]
fn a_malformed_feature_file_exits_2_and_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("apostille-education-2012");
    std::fs::create_dir_all(&folder).unwrap();
    let good = std::fs::read_to_string("features/apostille-education-2012/portal.feature").unwrap();
    // Drop the last cell of the step table's second row.
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    let row = lines
        .iter()
        .position(|l| l.trim_start().starts_with("| 2  | ЭҮП"))
        .unwrap();
    let cut = lines[row]
        .trim_end()
        .trim_end_matches('|')
        .rfind('|')
        .unwrap();
    lines[row].truncate(cut + 1);
    let path = folder.join("portal.feature");
    std::fs::write(&path, lines.join("\n")).unwrap();

    let o = reglament(&["lint", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let want = format!("{}:{}: error[parse]", path.display(), row + 1);
    assert!(
        stdout(&o).contains(&want),
        "want {want} in:\n{}",
        stdout(&o)
    );

    // Commands that need a clean model refuse it the same way.
    let o = reglament(&["model", "--json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!(
        "{}:{}",
        path.display(),
        row + 1
    )));
}

#[test]
fn model_json_has_the_documented_shape() {
    let o = reglament(&["model", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], "reglament.model/1");
    assert!(v["digest"].as_str().unwrap().starts_with("sha256:"));
    let services = v["services"].as_array().unwrap();
    assert!(!services.is_empty());
    for s in services {
        for key in ["id", "title_kk", "title_en", "seed", "act"] {
            assert!(s[key].is_string(), "service.{key}");
        }
        for ch in s["channels"].as_array().unwrap() {
            assert!(["portal", "psc", "provider"].contains(&ch["channel"].as_str().unwrap()));
            for t in ch["tables"].as_array().unwrap() {
                assert!(t["name"].is_string());
                for step in t["steps"].as_array().unwrap() {
                    assert!(step["n"].is_u64(), "n is a number: {step}");
                    for key in [
                        "actor",
                        "action_kk",
                        "action_en",
                        "completion_kk",
                        "limit_raw",
                        "next_raw",
                        "source",
                    ] {
                        assert!(step[key].is_string(), "step.{key}: {step}");
                    }
                    let kind = step["budget"]["kind"].as_str();
                    assert!(
                        step["budget"].is_null()
                            || matches!(
                                kind,
                                Some("wallclock" | "working_days" | "calendar_days" | "malformed")
                            ),
                        "{step}"
                    );
                    for next in step["next"].as_array().unwrap() {
                        assert!(next["to"].is_u64());
                    }
                    assert!(step["errata"].is_array());
                }
            }
        }
    }
    // Spot-check one row against the act: seed 000, 1-кесте, row 4 (an erratum reads its branch).
    let s000 = services
        .iter()
        .find(|s| s["id"] == "apostille-education-2012")
        .unwrap();
    let row4 = &s000["channels"][0]["tables"][0]["steps"][3];
    assert_eq!(row4["n"], 4);
    assert_eq!(row4["limit_raw"], "1,5 мин");
    assert_eq!(
        row4["budget"],
        serde_json::json!({"kind": "wallclock", "min_s": 90.0, "max_s": 90.0})
    );
    assert_eq!(row4["next_raw"], "5");
    assert_eq!(row4["next"][1]["to"], 6);
    assert_eq!(row4["errata"][0]["field"], "next");
}

#[test]
fn graph_draws_dot_and_mermaid_with_the_acts_own_edges_dashed() {
    let o = reglament(&["graph", "apostille-education-2012", "portal"]);
    assert_eq!(o.status.code(), Some(0));
    let dot = stdout(&o);
    assert!(dot.starts_with("digraph"));
    assert!(dot.contains("s4 -> s6"), "{dot}");
    // Row 10's verbatim branch loops to itself: drawn, dashed, as the act's.
    assert!(
        dot.contains("s10 -> s10 [") && dot.contains("style=dashed"),
        "{dot}"
    );

    let o = reglament(&[
        "graph",
        "apostille-education-2012",
        "portal",
        "--format",
        "mermaid",
    ]);
    let mermaid = stdout(&o);
    assert!(mermaid.starts_with("flowchart TD"));
    assert!(mermaid.contains("s10 -.->"), "{mermaid}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        reglament(&["graph", "no-such-service", "portal"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        reglament(&["graph", "apostille-education-2012", "kiosk"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        reglament(&["lint", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(reglament(&["lint", "no/such/path"]).status.code(), Some(2));
}

#[test]
fn the_errata_page_in_docs_is_generated_from_the_features() {
    let o = reglament(&["errata"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(Path::new("docs/errata.md")).unwrap_or_default();
    assert!(
        committed == stdout(&o),
        "docs/errata.md is stale: regenerate with `cargo run -- errata > docs/errata.md`"
    );
}

#[test]
fn calendar_lists_a_year_and_computes_a_deadline_from_an_acts_limit() {
    let o = reglament(&["calendar", "year", "2024", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let days = doc["days"].as_array().unwrap();
    let moved = days.iter().find(|d| d["date"] == "2024-03-25").unwrap();
    assert_eq!(moved["kind"], "moved-holiday");
    assert!(days
        .iter()
        .any(|d| d["date"] == "2024-05-04" && d["kind"] == "decree-working-day"));

    let o = reglament(&[
        "calendar",
        "due",
        "2024-03-15T19:00:00+05:00",
        "15 жұмыс күні ішінде",
        "--office",
        "9.00-18.30",
        "--after-hours-next-day",
        "--json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["deadline"]["due"], "2024-04-11T18:30:00+05:00");
}

#[test]
fn calendar_refuses_what_it_cannot_answer() {
    // A wall-clock limit has no calendar deadline; a year outside the data is not guessed.
    for args in [
        &["calendar", "due", "2024-03-15T19:00:00+05:00", "10-15 сек"][..],
        &["calendar", "year", "2030"][..],
        &["calendar", "due", "yesterday", "5 жұмыс күнінде"][..],
    ] {
        let o = reglament(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("error:"),
            "{args:?}"
        );
    }
}

#[test]
fn the_model_holds_all_nine_services_and_twenty_tables_of_the_seeds() {
    let o = reglament(&["model", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut tables: Vec<String> = Vec::new();
    for s in v["services"].as_array().unwrap() {
        for ch in s["channels"].as_array().unwrap() {
            for t in ch["tables"].as_array().unwrap() {
                assert!(
                    t["steps"].as_array().unwrap().len() >= 5,
                    "{} {}",
                    s["id"],
                    ch["channel"]
                );
                tables.push(format!(
                    "{}/{}",
                    s["id"].as_str().unwrap(),
                    ch["channel"].as_str().unwrap()
                ));
            }
        }
    }
    tables.sort();
    let want = [
        "apostille-archival-certificates-2012/portal",
        "apostille-archival-certificates-2012/provider",
        "apostille-archival-certificates-2012/psc",
        "apostille-education-2012/portal",
        "apostille-education-2021/portal",
        "apostille-education-2021/psc",
        "archival-certificates-astana-2012/portal",
        "archival-certificates-astana-2012/provider",
        "archival-certificates-astana-2012/psc",
        "archival-certificates-issuance-2012/portal",
        "archival-certificates-issuance-2012/provider",
        "archival-certificates-issuance-2012/psc",
        "guardianship-certificate-2012/portal",
        "guardianship-certificate-2012/psc",
        "mass-media-registration-2012/portal",
        "mass-media-registration-2012/provider",
        "minors-deposits-inheritance-2012/portal",
        "minors-deposits-inheritance-2012/psc",
        "minors-property-transactions-2012/portal",
        "minors-property-transactions-2012/psc",
    ];
    assert_eq!(tables, want);
}

#[test]
fn every_table_is_fully_covered_by_its_scenarios() {
    let o = reglament(&["lint", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let tables = v["coverage"]["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 20);
    for t in tables {
        assert_eq!(t["steps_covered"], t["steps_total"], "{t}");
        assert_eq!(t["transitions_covered"], t["transitions_total"], "{t}");
        assert!(t["scenarios"].as_u64().unwrap() >= 2, "{t}");
    }
}
