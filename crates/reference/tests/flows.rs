//! The reference over real HTTP, driven through the Driver contract: every
//! flow of the acts reaches its result, and each refusal branch is taken
//! for the reason the act gives.

mod common;
use common::*;
use reglament_driver::walk::{Decision, PaymentIntent};

#[tokio::test]
async fn seed_000_main_flow_walks_the_acts_steps_and_issues_a_signed_result() {
    let env = start(&[]).await;
    let w = run(
        &env,
        &plan(&env, "apostille-education-2012", "portal", "good"),
    )
    .await;
    assert_eq!(w.error, None);
    let last = w.last.as_ref().unwrap();
    assert_eq!(steps(&w), vec![1, 3, 4, 6, 7, 9, 11], "{last:?}");
    assert_eq!(last.status, "completed");
    assert!(last.due_date.is_some(), "2 working days: a due date");
    let inv = last.invoice.as_ref().unwrap();
    assert!(inv.amount_kzt > 0.0);
    let doc = w.result.as_ref().unwrap();
    assert_eq!(doc.kind, "result");
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let document = b64.decode(&doc.document_base64).unwrap();
    let sig = b64
        .decode(doc.signature_cms_base64.as_ref().unwrap())
        .unwrap();
    let ca = env.mocks.authority.ca_pem();
    let signer = reglament_signature::verify(&sig, &document, ca.as_bytes()).unwrap();
    assert!(
        signer.bin.is_some(),
        "signed by the provider (a legal entity)"
    );
    // The reference really asked the PKI and the payment gateway.
    let ocsp = env
        .mocks
        .pki
        .shared
        .journal
        .query(0, Some("ocsp.check"), None, 10);
    assert_eq!(ocsp.entries.len(), 1);
    let pay = env
        .mocks
        .payment
        .shared
        .journal
        .query(0, Some("invoice.create"), None, 10);
    assert_eq!(pay.entries.len(), 1);
}

#[tokio::test]
async fn every_flow_of_every_act_reaches_its_result() {
    let env = start(&[]).await;
    for f in reglament_reference::flows::FLOWS {
        let mut p = plan(&env, f.service, f.channel.as_str(), "good");
        p.hearing_reversed = true;
        let w = run(&env, &p).await;
        let last = w
            .last
            .as_ref()
            .unwrap_or_else(|| panic!("{} {:?}: {:?}", f.service, f.channel, w.error));
        assert_eq!(
            last.status, "completed",
            "{} {:?}: {last:?} {:?}",
            f.service, f.channel, w.error
        );
        let end = f
            .steps
            .iter()
            .find(|s| s.next == reglament_reference::flows::Next::Result)
            .unwrap();
        assert_eq!(
            steps(&w).last(),
            Some(&end.n),
            "{} {:?}",
            f.service,
            f.channel
        );
    }
}

#[tokio::test]
async fn certificate_problems_end_in_the_acts_refusal_step() {
    let env = start(&[]).await;
    for cert in ["revoked", "expired", "not-yet-valid", "iin-mismatch"] {
        let w = run(
            &env,
            &plan(&env, "apostille-education-2012", "portal", cert),
        )
        .await;
        assert_eq!(steps(&w), vec![1, 3, 4, 5], "{cert}");
        let last = w.last.unwrap();
        assert_eq!(last.status, "refused", "{cert}");
        assert!(last.refusal_reason.unwrap().contains("ЭЦҚ"), "{cert}");
    }
}

#[tokio::test]
async fn a_wrong_password_is_refused_at_sign_in() {
    let env = start(&[]).await;
    let mut p = plan(&env, "apostille-education-2012", "portal", "good");
    p.applicant_password = "wrong".into();
    let w = run(&env, &p).await;
    assert!(w.auth_refused.is_some());
    assert!(w.submitted.is_none());
}

#[tokio::test]
async fn an_unpaid_invoice_expires_into_the_acts_refusal_text() {
    let env = start(&[]).await;
    let mut p = plan(&env, "apostille-education-2012", "portal", "good");
    p.payment = PaymentIntent::NotPay;
    let w = run(&env, &p).await;
    let last = w.last.as_ref().unwrap();
    assert_eq!(steps(&w), vec![1, 3, 4, 6, 7, 9, 10]);
    assert_eq!(last.status, "cancelled-payment-expired");
    assert!(last
        .status_text
        .ru
        .starts_with("Запрос отменен. Истек срок ожидания оплаты"));
}

#[tokio::test]
async fn the_providers_refusal_carries_its_reason() {
    let env = start(&[]).await;
    let mut p = plan(&env, "apostille-education-2012", "portal", "good");
    p.decision = Decision::Refuse("Білім туралы құжат расталмады".into());
    let w = run(&env, &p).await;
    assert_eq!(steps(&w), vec![1, 3, 4, 6, 7, 8]);
    let last = w.last.unwrap();
    assert_eq!(
        last.refusal_reason.as_deref(),
        Some("Білім туралы құжат расталмады")
    );
    assert_eq!(w.result.unwrap().kind, "refusal");
}

#[tokio::test]
async fn a_person_missing_from_the_state_database_is_refused_at_the_desk() {
    let env = start(&[]).await;
    let mut p = plan(&env, "guardianship-certificate-2012", "psc", "good");
    p.applicant_iin = env.mocks.fixtures.person_for_case("not-found").unwrap();
    let w = run(&env, &p).await;
    assert_eq!(steps(&w), vec![1, 2, 3, 4]);
    assert_eq!(w.last.unwrap().status, "refused");
    let calls = env
        .mocks
        .registry
        .shared
        .journal
        .query(0, Some("person.lookup"), None, 10);
    assert_eq!(calls.entries.len(), 1);
}

#[tokio::test]
async fn an_incomplete_document_set_is_refused_under_the_2021_rules() {
    let env = start(&[]).await;
    let mut p = plan(&env, "apostille-education-2021", "psc", "good");
    p.attachments.clear();
    let w = run(&env, &p).await;
    assert_eq!(steps(&w), vec![1, 2, 3, 7]);
    assert!(w
        .last
        .unwrap()
        .refusal_reason
        .unwrap()
        .contains("толық емес"));
}

#[tokio::test]
async fn the_hearing_decides_after_a_preliminary_refusal() {
    let env = start(&[]).await;
    for (reversed, want) in [
        (true, vec![1, 2, 3, 4, 5, 8, 6]),
        (false, vec![1, 2, 3, 4, 5, 8, 9]),
    ] {
        let mut p = plan(&env, "apostille-education-2021", "psc", "good");
        p.decision = Decision::Refuse("оқу орны растамады".into());
        p.hearing_reversed = reversed;
        let w = run(&env, &p).await;
        assert_eq!(steps(&w), want, "reversed: {reversed}");
    }
}

#[tokio::test]
async fn a_failing_state_database_is_reported_not_swallowed() {
    let env = start(&[]).await;
    *env.mocks.registry.shared.profile.write().unwrap() = reglament_mocks::profile::Profile {
        outage: true,
        ..Default::default()
    };
    let w = run(
        &env,
        &plan(&env, "guardianship-certificate-2012", "psc", "good"),
    )
    .await;
    let last = w.last.unwrap();
    assert_eq!(last.status, "failed", "{last:?}");
    assert!(last.refusal_reason.unwrap().contains("state database"));
}
