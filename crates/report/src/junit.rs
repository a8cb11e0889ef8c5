//! `junit.xml`: one test suite per service/channel, a test case per
//! scenario and one per step verdict, as Jenkins and GitLab read them.

use crate::results::*;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

pub fn render(run: &RunResults) -> String {
    // An interrupted run says so in the report's name, which every CI shows.
    let name = if run.interrupted {
        format!("reglament {} (INTERRUPTED)", run.run_id)
    } else {
        format!("reglament {}", run.run_id)
    };
    let mut report = Report::new(name);
    let mut suites: Vec<TestSuite> = Vec::new();
    for sc in &run.scenarios {
        let suite_name = format!("{}/{}", sc.service, sc.channel);
        if !suites.iter().any(|s| s.name.as_str() == suite_name) {
            suites.push(TestSuite::new(suite_name.clone()));
        }
        let suite = suites
            .iter_mut()
            .find(|s| s.name.as_str() == suite_name)
            .expect("just added");
        let failures: Vec<String> = sc.failures().collect();
        let status = match sc.status {
            ScenarioStatus::Passed => TestCaseStatus::success(),
            ScenarioStatus::Failed => {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(failures.first().cloned().unwrap_or_default());
                s.set_description(failures.join("\n"));
                s
            }
            ScenarioStatus::Error => {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Error);
                s.set_message(sc.error.clone().unwrap_or_default());
                s
            }
        };
        let mut case = TestCase::new(sc.name.clone(), status);
        case.set_classname(suite_name.clone());
        case.set_time(Duration::from_millis(sc.duration_ms));
        case.extra.insert("file".into(), sc.source.clone().into());
        suite.add_test_case(case);
        for st in &sc.steps {
            let status = match st.verdict {
                Verdict::Pass => TestCaseStatus::success(),
                Verdict::NotJudged => {
                    let mut s = TestCaseStatus::skipped();
                    s.set_message(st.reason.clone().unwrap_or_default());
                    s
                }
                Verdict::Fail => {
                    let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    s.set_message(st.reason.clone().unwrap_or_default());
                    s
                }
            };
            let mut case = TestCase::new(
                format!("{} › step {} ({})", sc.name, st.step, st.limit_raw),
                status,
            );
            case.set_classname(suite_name.clone());
            if let Some(d) = st.observed.as_ref().and_then(|o| o.duration_s) {
                case.set_time(Duration::from_secs_f64(d.max(0.0)));
            }
            suite.add_test_case(case);
        }
    }
    report.add_test_suites(suites);
    report.to_string().unwrap_or_default()
}
