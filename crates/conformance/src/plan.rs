//! A scenario's `Given` lines become a walk plan: which certificate signs,
//! which person or entity applies, what the applicant does with the invoice,
//! what the provider decides.

use reglament_driver::walk::{Decision, PaymentIntent, Plan};
use reglament_mocks::Mocks;
use reglament_model::scenario::Scenario;
use reglament_model::scenario::{
    Action, CertCase, Decision as ModelDecision, PaymentIntent as ModelPay,
};
use std::time::Duration;

/// What the judge needs to know of the plan besides the walk.
#[derive(Debug, Clone, Default)]
pub struct Intent {
    pub applicant_iin: String,
    /// Serial of the certificate that signs (upper-case hex).
    pub signing_serial: Option<String>,
    pub payment: Option<PaymentIntent>,
    pub refusal_reason: Option<String>,
    pub statuses: Vec<String>,
    /// Switch the state-database mock to an outage during the walk.
    pub registry_down: bool,
    /// The request must not complete (a resilience scenario).
    pub not_completed: bool,
}

pub struct Accounts {
    pub password: String,
}

pub fn plan(
    service: &str,
    channel: &str,
    sc: &Scenario,
    mocks: &Mocks,
    attachments: &[String],
    accounts: &Accounts,
    give_up_after: Duration,
) -> Result<(Plan, Intent), String> {
    let portal = channel == "portal";
    let mut cert = CertCase::Good;
    let mut intent = Intent::default();
    let mut wrong_password = false;
    let mut person = None;
    let mut entity = None;
    let mut payment = PaymentIntent::Pay;
    let mut decision = Decision::Approve;
    let mut hearing_reversed = false;
    let mut incomplete = false;
    for s in &sc.steps {
        match s.action.clone() {
            Action::Certificate { case } => cert = case,
            Action::WrongPassword => wrong_password = true,
            Action::PersonRecord { case } => person = Some(case.as_str()),
            Action::EntityRecord { case } => entity = Some(case.as_str()),
            Action::Payment { intent: i } => {
                payment = match i {
                    ModelPay::Pay => PaymentIntent::Pay,
                    ModelPay::NotPay => PaymentIntent::NotPay,
                    ModelPay::Decline => PaymentIntent::Decline,
                };
                intent.payment = Some(payment);
            }
            Action::Decision { decision: d } => {
                decision = match d {
                    ModelDecision::Approve => Decision::Approve,
                    ModelDecision::Refuse { reason } => {
                        intent.refusal_reason = Some(reason.clone());
                        Decision::Refuse(reason)
                    }
                }
            }
            Action::IncompleteDocuments => incomplete = true,
            Action::SkipsHearing => hearing_reversed = false,
            Action::HearingReverses => hearing_reversed = true,
            Action::StatusReads { status } => intent.statuses.push(status),
            Action::RegistryDown => intent.registry_down = true,
            Action::NotCompleted => intent.not_completed = true,
            Action::FilesComplaint | Action::Apply | Action::StepDone { .. } => {}
        }
    }
    let pki = &mocks.authority;
    let sample = pki
        .sample(cert.as_str())
        .ok_or_else(|| format!("the PKI mock has no \"{}\" certificate", cert.as_str()))?;
    let operator = pki
        .sample("operator")
        .ok_or("the PKI mock has no operator certificate")?;
    let applicant_iin = match person {
        Some(case) => mocks
            .fixtures
            .person_for_case(case)
            .ok_or_else(|| format!("the registry fixtures have no person \"{case}\""))?,
        None => sample.applicant_iin.clone(),
    };
    let entity_bin = match entity {
        Some(case) => Some(
            mocks
                .fixtures
                .entity_for_case(case)
                .ok_or_else(|| format!("the registry fixtures have no entity \"{case}\""))?,
        ),
        None => None,
    };
    // At the portal the applicant signs; at a desk, the operator.
    let signer = if portal { sample } else { operator.clone() };
    intent.signing_serial = Some(signer.serial.clone());
    intent.applicant_iin = applicant_iin.clone();
    let (cert_pem, key_pem) = (signer.cert_pem.into_bytes(), signer.key_pem.into_bytes());
    let plan = Plan {
        service: service.to_string(),
        channel: channel.to_string(),
        applicant_iin,
        applicant_password: if wrong_password {
            format!("{}-wrong", accounts.password)
        } else {
            accounts.password.clone()
        },
        operator_iin: operator.iin.clone(),
        operator_password: accounts.password.clone(),
        entity_bin,
        attachments: if incomplete {
            Vec::new()
        } else {
            attachments.to_vec()
        },
        sign: Box::new(move |payload| {
            reglament_signature::sign(payload, &cert_pem, &key_pem, true).unwrap_or_default()
        }),
        payment,
        decision,
        hearing_reversed,
        poll: Duration::from_millis(50),
        give_up_after,
    };
    Ok((plan, intent))
}
