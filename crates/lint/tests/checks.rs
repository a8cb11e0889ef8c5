//! Each lint check on a small feature file that has exactly that problem.

use reglament_lint::lint;
use reglament_model::{load, Severity};
use std::path::PathBuf;

const HEAD: &str = r#"@service:apostille-education-2012 @channel:portal @seed:000
Feature: sample
  Background:
    Given the regulation:
      | field    | value     |
      | title_kk | Т         |
      | title_en | T         |
      | act      | A         |
      | seed     | 000_x.txt |
      | table    | 1-кесте   |
    And the step table:
      | n | actor | action_kk | action_en | completion_kk | limit | next | outcome |
"#;

/// Writes HEAD + `rows` + `rest` as the portal feature of a temp features/ dir.
fn lint_rows(rows: &str, rest: &str) -> (reglament_lint::Report, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("apostille-education-2012");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("portal.feature"), format!("{HEAD}{rows}{rest}")).unwrap();
    let loaded = load(&[PathBuf::from(dir.path())]);
    (lint(&loaded), dir)
}

fn codes(r: &reglament_lint::Report, severity: Severity) -> Vec<(&'static str, usize)> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| (d.code, d.source.line))
        .collect()
}

const MAIN: &str = r#"
  Scenario: main
    When the applicant applies for the service
    Then step 1 is done
    And step 2 is done
"#;

#[test]
fn a_clean_table_walked_fully_has_no_findings() {
    let (r, _d) = lint_rows(
        "      | 1 | Алушы | а | a | б | 10 сек | 2 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n",
        MAIN,
    );
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    assert_eq!(r.coverage.step_percent(), 100.0);
    assert_eq!(r.coverage.transition_percent(), 100.0);
}

#[test]
fn dangling_next_is_an_error_at_its_row() {
    let (r, _d) = lint_rows(
        "      | 1 | Алушы | а | a | б | 10 сек | 2; 7 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n",
        MAIN,
    );
    assert_eq!(codes(&r, Severity::Error), vec![("dangling-next", 13)]);
}

#[test]
fn a_dead_end_that_is_not_an_outcome_is_an_error() {
    let (r, _d) = lint_rows(
        "      | 1 | Алушы | а | a | б | 10 сек | 2 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | |\n",
        MAIN,
    );
    assert_eq!(codes(&r, Severity::Error), vec![("dead-end", 14)]);
}

#[test]
fn unreachable_rows_and_loops_are_warnings() {
    let (r, _d) = lint_rows(
        "      | 1 | Алушы | а | a | б | 10 сек | 1; 2 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n      | 3 | ЭҮП | а | a | б | 10 сек | - | refusal |\n",
        MAIN,
    );
    let w = codes(&r, Severity::Warning);
    assert!(w.contains(&("loop", 13)), "{w:?}");
    assert!(w.contains(&("unreachable", 15)), "{w:?}");
    assert!(w.contains(&("uncovered", 11)), "{w:?}");
    assert!(codes(&r, Severity::Error).is_empty());
}

#[test]
fn a_malformed_limit_needs_an_erratum_and_an_erratum_turns_it_into_notes() {
    let rows = "      | 1 | Алушы | а | a | б | 30–1 мин | 2 | |\n      | 2 | ЭҮП | а | a | б | | - | result |\n";
    let (r, _d) = lint_rows(rows, MAIN);
    assert_eq!(codes(&r, Severity::Error), vec![("malformed-limit", 13)]);
    assert_eq!(codes(&r, Severity::Warning), vec![("missing-limit", 14)]);

    let errata = "    And the errata:\n      | at | field | act_says | read_as | why |\n      | 1 | limit | 30–1 мин | 30 сек – 1 мин | seconds lost in the act |\n";
    let (r, _d) = lint_rows(&format!("{rows}{errata}"), MAIN);
    assert!(
        codes(&r, Severity::Error).is_empty(),
        "{:#?}",
        r.diagnostics
    );
    let notes = codes(&r, Severity::Note);
    assert!(notes.contains(&("act-anomaly", 13)), "{notes:?}");
    assert!(notes.contains(&("erratum", 17)), "{notes:?}");
}

#[test]
fn an_erratum_on_next_resolves_the_act_anomaly_and_says_so() {
    let rows = "      | 1 | Алушы | а | a | б | 10 сек | - | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n";
    let errata = "    And the errata:\n      | at | field | act_says | read_as | why |\n      | 1 | next | - | 2 | narrative п. 1 |\n";
    let (r, _d) = lint_rows(&format!("{rows}{errata}"), MAIN);
    assert!(
        codes(&r, Severity::Error).is_empty(),
        "{:#?}",
        r.diagnostics
    );
    let anomaly = r
        .diagnostics
        .iter()
        .find(|d| d.code == "act-anomaly" && d.source.line == 13)
        .unwrap();
    assert!(
        anomaly.message.contains("erratum at"),
        "{}",
        anomaly.message
    );
}

#[test]
fn scenario_paths_must_follow_the_table() {
    let rows = "      | 1 | Алушы | а | a | б | 10 сек | 2; 3 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n      | 3 | ЭҮП | а | a | б | 10 сек | 2 | |\n";
    let bad = r#"
  Scenario: skips a step
    When the applicant applies for the service
    Then step 2 is done
    And step 3 is done

  Scenario: stops early
    When the applicant applies for the service
    Then step 1 is done
    And step 3 is done

  Scenario: never applies
    Then step 1 is done
    And step 2 is done
"#;
    let (r, _d) = lint_rows(rows, bad);
    let e = codes(&r, Severity::Error);
    assert!(e.contains(&("bad-path", 19)), "starts elsewhere: {e:?}");
    assert!(e.contains(&("bad-path", 20)), "2 → 3 not allowed: {e:?}");
    assert!(e.contains(&("bad-path", 25)), "stops at 3: {e:?}");
    assert!(e.contains(&("bad-path", 27)), "never applies: {e:?}");
}

#[test]
fn coverage_counts_steps_and_transitions_walked() {
    let rows = "      | 1 | Алушы | а | a | б | 10 сек | 2; 3 | |\n      | 2 | ЭҮП | а | a | б | 10 сек | - | result |\n      | 3 | ЭҮП | а | a | б | 10 сек | - | refusal |\n";
    let (r, _d) = lint_rows(rows, MAIN);
    let t = &r.coverage.tables[0];
    assert_eq!((t.steps_covered, t.steps_total), (2, 3));
    assert_eq!((t.transitions_covered, t.transitions_total), (1, 2));
    assert_eq!(t.uncovered_steps, vec![3]);
    assert_eq!(t.uncovered_transitions, vec![(1, 3)]);
}

#[test]
fn a_row_missing_from_the_published_table_is_rebuilt_by_a_row_erratum() {
    // Row 2 is not in the act's table; without an erratum it is a row with
    // no limit (a warning); with a `row` erratum it is a note naming the
    // narrative item, and its act_says must be empty.
    let rows = "      | 1 | Алушы | а | a | б | 10 сек | 2 | |\n      | 2 | ЭҮП | а | a | | | - | result |\n";
    let (r, _d) = lint_rows(rows, MAIN);
    assert_eq!(codes(&r, Severity::Warning), vec![("missing-limit", 14)]);

    let errata = "    And the errata:\n      | at | field | act_says | read_as | why |\n      | 2 | row | | п. 6 9) | the export lost the table's second block |\n";
    let (r, _d) = lint_rows(&format!("{rows}{errata}"), MAIN);
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:#?}",
        r.diagnostics
    );
    assert!(r.diagnostics.iter().any(|d| d.code == "act-anomaly"
        && d.source.line == 14
        && d.message.contains("rebuilt from п. 6 9)")));

    let wrong = "    And the errata:\n      | at | field | act_says | read_as | why |\n      | 2 | row | ЭҮП | п. 6 9) | x |\n";
    let (r, _d) = lint_rows(&format!("{rows}{wrong}"), MAIN);
    assert_eq!(codes(&r, Severity::Error), vec![("erratum-mismatch", 17)]);
}
