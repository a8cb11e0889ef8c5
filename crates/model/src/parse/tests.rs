//! Parser tests on small feature files written here, each pinning one rule.
use super::*;
use crate::diag::Severity;

const GOOD: &str = r#"@service:apostille-education-2012 @channel:portal @seed:000
Feature: sample
  Background:
    Given the regulation:
      | field    | value |
      | title_kk | Т     |
      | title_en | T     |
      | act      | A     |
      | seed     | 000_x.txt |
      | table    | 1-кесте |
    And the step table:
      | n | actor | action_kk | action_en | completion_kk | limit     | next            | outcome |
      | 1 | Алушы | кіру      | sign in   | кірді         | 10–15 сек | 2 егер қате; 3  |         |
      | 2 | ЭҮП   | бас тарту | refuse    | хабарлама     | 30–1 мин  | -               | refusal |
      | 3 | ЭҮП   | нәтиже    | result    | нәтиже        | 5 жұмыс күнінде |           |         |
    And the errata:
      | at | field | act_says | read_as    | why            |
      | 2  | limit | 30–1 мин | 30 сек – 1 мин | units lost |
    And the service terms:
      | term         | kind | text_kk | text_ru | value   | source |
      | fee          | fee  |         |         | 0,5 АЕК | l. 1   |
      | service-term | time |         |         | 2 жұмыс күні ішінде | l. 2 |

  @main
  Scenario: main
    Given an applicant with a "good" certificate
    When the applicant applies for the service
    Then step 1 is done — in
    And step 3 is done
"#;

fn parse(file: &str, text: &str) -> (Option<ParsedFeature>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let p = parse_feature(file, text, &mut diags);
    (p, diags)
}

const FILE: &str = "features/apostille-education-2012/portal.feature";

#[test]
fn a_good_file_reads_into_steps_with_budgets_and_errata() {
    let (p, diags) = parse(FILE, GOOD);
    assert!(diags.is_empty(), "{diags:#?}");
    let p = p.unwrap();
    assert_eq!(p.service_id, "apostille-education-2012");
    let t = &p.doc.tables[0];
    assert_eq!(t.steps.len(), 3);
    let s1 = t.step(1).unwrap();
    assert_eq!(s1.next.iter().map(|t| t.to).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(s1.source.line, 13);
    let s2 = t.step(2).unwrap();
    assert_eq!(
        s2.budget,
        Some(Budget::WallClock {
            min_s: 30.0,
            max_s: 60.0
        })
    );
    assert!(s2.budget_as_written.as_ref().unwrap().is_malformed());
    assert_eq!(s2.errata.len(), 1);
    assert_eq!(s2.outcome, Some(Outcome::Refusal));
    assert_eq!(
        t.step(3).unwrap().budget,
        Some(Budget::WorkingDays {
            min_days: None,
            days: 5
        })
    );
    assert_eq!(p.doc.terms[0].fee_mrp, Some(0.5));
    assert_eq!(
        p.doc.scenarios[0]
            .path()
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>(),
        vec![1, 3]
    );
}

#[test]
fn a_ragged_table_row_is_reported_at_its_own_line() {
    let bad = GOOD.replace("| 2 | ЭҮП   | бас тарту |", "| 2 | ЭҮП   | бас | тарту |");
    let (p, diags) = parse(FILE, &bad);
    assert!(p.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, Severity::Error);
    assert_eq!(diags[0].source.to_string(), format!("{FILE}:14"));
}

#[test]
fn a_gherkin_syntax_error_names_a_line() {
    let bad = GOOD.replace("  @main\n  Scenario: main", "  @main\n  Scenari main");
    let (p, diags) = parse(FILE, &bad);
    assert!(p.is_none());
    assert_eq!(diags[0].code, "parse");
    assert!(diags[0].source.line > 1, "{:?}", diags[0]);
}

#[test]
fn an_erratum_must_quote_the_cell_verbatim() {
    let bad = GOOD.replace("| 2  | limit | 30–1 мин |", "| 2  | limit | 30-1 мин |");
    let (_, diags) = parse(FILE, &bad);
    assert!(
        diags
            .iter()
            .any(|d| d.code == "erratum-mismatch" && d.source.line == 18),
        "{diags:#?}"
    );
}

#[test]
fn unknown_columns_and_phrases_are_errors_with_lines() {
    let bad = GOOD.replace("| outcome |\n", "| outcom |\n").replace(
        "Given an applicant with a \"good\" certificate",
        "Given a happy applicant",
    );
    let (_, diags) = parse(FILE, &bad);
    assert!(diags
        .iter()
        .any(|d| d.message.contains("unknown column \"outcom\"") && d.source.line == 12));
    assert!(diags
        .iter()
        .any(|d| d.code == "bad-path" && d.source.line == 26));
}

#[test]
fn tags_must_match_the_catalogue_and_the_file_name() {
    let (_, diags) = parse("features/apostille-education-2012/psc.feature", GOOD);
    assert!(diags
        .iter()
        .any(|d| d.message.contains("does not match @channel:portal")));
    let bad = GOOD.replace("@seed:000", "@seed:001");
    let (_, diags) = parse(FILE, &bad);
    assert!(diags
        .iter()
        .any(|d| d.message.contains("@seed must be 000")));
}

#[test]
fn an_outline_expands_into_one_scenario_per_example() {
    let text = GOOD.to_string()
        + r#"
  @refusal
  Scenario Outline: refused (<c>)
    Given an applicant with a "<c>" certificate
    When the applicant applies for the service
    Then step 1 is done
    And step 2 is done

    Examples:
      | c       |
      | revoked |
      | expired |
"#;
    let (p, diags) = parse(FILE, &text);
    assert!(diags.is_empty(), "{diags:#?}");
    let names: Vec<_> = p
        .unwrap()
        .doc
        .scenarios
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(
        names,
        vec!["main", "refused (revoked)", "refused (expired)"]
    );
}
