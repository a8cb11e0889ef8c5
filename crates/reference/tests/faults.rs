//! Every fault of the catalogue changes what an observer of the Driver
//! contract and of the mocks' journals sees. (The conformance runner's own
//! proof — each fault caught by a named scenario — builds on these.)

mod common;
use common::*;
use reglament_driver::walk::{Decision, PaymentIntent};
use reglament_reference::Fault;

const S000: (&str, &str) = ("apostille-education-2012", "portal");
const DESK: (&str, &str) = ("guardianship-certificate-2012", "psc");

#[test]
fn the_catalogue_is_tested_in_full() {
    // A fault added to the catalogue must get its test below.
    let tested = [
        "slow-registration",
        "signature-not-verified",
        "revoked-certificate-accepted",
        "iin-mismatch-ignored",
        "registry-not-called",
        "registry-failure-swallowed",
        "payment-not-checked",
        "expired-invoice-accepted",
        "wrong-status-text",
        "wrong-due-date",
        "step-order-swapped",
        "refusal-without-reason",
        "crash-mid-flow",
        "unsigned-result",
    ];
    let all: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(all, tested);
}

#[tokio::test]
async fn signature_not_verified_accepts_a_revoked_certificate_unasked() {
    let env = start(&["signature-not-verified"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "revoked")).await;
    assert_eq!(w.last.unwrap().status, "completed");
    assert!(env
        .mocks
        .pki
        .shared
        .journal
        .query(0, Some("ocsp.check"), None, 10)
        .entries
        .is_empty());
}

#[tokio::test]
async fn revoked_certificate_accepted_never_asks_ocsp() {
    let env = start(&["revoked-certificate-accepted"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "revoked")).await;
    assert_eq!(w.last.unwrap().status, "completed");
    assert!(env
        .mocks
        .pki
        .shared
        .journal
        .query(0, Some("ocsp.check"), None, 10)
        .entries
        .is_empty());
    // An expired certificate is still refused: only revocation is skipped.
    let w = run(&env, &plan(&env, S000.0, S000.1, "expired")).await;
    assert_eq!(w.last.unwrap().status, "refused");
}

#[tokio::test]
async fn iin_mismatch_ignored_accepts_someone_elses_certificate() {
    let env = start(&["iin-mismatch-ignored"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "iin-mismatch")).await;
    assert_eq!(w.last.unwrap().status, "completed");
}

#[tokio::test]
async fn registry_not_called_accepts_an_unknown_person_without_a_lookup() {
    let env = start(&["registry-not-called"]).await;
    let mut p = plan(&env, DESK.0, DESK.1, "good");
    p.applicant_iin = env.mocks.fixtures.person_for_case("not-found").unwrap();
    let w = run(&env, &p).await;
    assert_eq!(w.last.unwrap().status, "completed");
    assert!(env
        .mocks
        .registry
        .shared
        .journal
        .query(0, Some("person.lookup"), None, 10)
        .entries
        .is_empty());
}

#[tokio::test]
async fn registry_failure_swallowed_goes_on_as_found() {
    let env = start(&["registry-failure-swallowed"]).await;
    *env.mocks.registry.shared.profile.write().unwrap() = reglament_mocks::profile::Profile {
        outage: true,
        ..Default::default()
    };
    let w = run(&env, &plan(&env, DESK.0, DESK.1, "good")).await;
    assert_eq!(w.last.unwrap().status, "completed");
}

#[tokio::test]
async fn payment_not_checked_issues_the_result_unpaid_and_without_an_invoice() {
    let env = start(&["payment-not-checked"]).await;
    let mut p = plan(&env, S000.0, S000.1, "good");
    p.payment = PaymentIntent::NotPay;
    let w = run(&env, &p).await;
    let last = w.last.unwrap();
    assert_eq!(last.status, "completed");
    assert!(last.invoice.is_none());
}

#[tokio::test]
async fn expired_invoice_accepted_issues_the_result_after_expiry() {
    let env = start(&["expired-invoice-accepted"]).await;
    let mut p = plan(&env, S000.0, S000.1, "good");
    p.payment = PaymentIntent::NotPay;
    let w = run(&env, &p).await;
    let last = w.last.unwrap();
    assert_eq!(last.status, "completed");
    assert_eq!(last.invoice.unwrap().status.as_deref(), Some("expired"));
}

#[tokio::test]
async fn wrong_status_text_is_not_the_acts_text() {
    let good = start(&[]).await;
    let bad = start(&["wrong-status-text"]).await;
    let mut p = plan(&good, S000.0, S000.1, "good");
    p.payment = PaymentIntent::NotPay;
    let a = run(&good, &p).await.last.unwrap().status_text;
    let mut p = plan(&bad, S000.0, S000.1, "good");
    p.payment = PaymentIntent::NotPay;
    let b = run(&bad, &p).await.last.unwrap().status_text;
    assert_ne!(a, b);
    assert!(!b.ru.contains("Истек срок ожидания оплаты"));
}

#[tokio::test]
async fn wrong_due_date_counts_calendar_days() {
    let good = start(&[]).await;
    let bad = start(&["wrong-due-date"]).await;
    // 15 working days always span more calendar days than 15.
    let s = ("apostille-education-2021", "psc");
    let a = run(&good, &plan(&good, s.0, s.1, "good"))
        .await
        .last
        .unwrap()
        .due_date
        .unwrap();
    let b = run(&bad, &plan(&bad, s.0, s.1, "good"))
        .await
        .last
        .unwrap()
        .due_date
        .unwrap();
    assert!(b < a, "calendar-day due date {b} is earlier than {a}");
}

#[tokio::test]
async fn step_order_swapped_reports_steps_out_of_the_acts_order() {
    let env = start(&["step-order-swapped"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "good")).await;
    let got = steps(&w);
    assert_ne!(got, vec![1, 3, 4, 6, 7, 9, 11]);
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec![1, 3, 4, 6, 7, 9, 11],
        "the same steps, another order"
    );
}

#[tokio::test]
async fn refusal_without_reason_drops_the_providers_reason() {
    let env = start(&["refusal-without-reason"]).await;
    let mut p = plan(&env, S000.0, S000.1, "good");
    p.decision = Decision::Refuse("Білім туралы құжат расталмады".into());
    let w = run(&env, &p).await;
    let last = w.last.unwrap();
    assert_eq!(last.status, "refused");
    assert_eq!(last.refusal_reason, None);
}

#[tokio::test]
async fn crash_mid_flow_answers_500_at_the_signature() {
    let env = start(&["crash-mid-flow"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "good")).await;
    let err = w.error.unwrap();
    assert!(err.contains("500"), "{err}");
}

#[tokio::test]
async fn unsigned_result_has_no_providers_signature() {
    let env = start(&["unsigned-result"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "good")).await;
    let doc = w.result.unwrap();
    assert_eq!(doc.kind, "result");
    assert!(doc.signature_cms_base64.is_none());
}

#[tokio::test]
async fn slow_registration_delays_the_registration_step_beyond_its_limit() {
    let env = start(&["slow-registration"]).await;
    let w = run(&env, &plan(&env, S000.0, S000.1, "good")).await;
    let last = w.last.unwrap();
    let at = |n: u32| {
        let e = last.events.iter().find(|e| e.step == n).unwrap();
        chrono::DateTime::parse_from_rfc3339(&e.at).unwrap()
    };
    // Row 7 (registration) comes at least 16 s after row 6: over 10–15 сек.
    assert!((at(7) - at(6)).num_seconds() >= 16);
    let signature_call = w
        .calls
        .iter()
        .find(|c| c.operation == "operator-action")
        .unwrap();
    assert!(
        signature_call.elapsed.as_secs() >= 16,
        "measured by the harness too"
    );
}
