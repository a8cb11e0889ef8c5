//! Mocks + reference on loopback, and a walk through one request.

#![allow(dead_code)]

use reglament_driver::walk::{walk, Decision, PaymentIntent, Plan, Walk};
use reglament_driver::ContractTarget;
use reglament_mocks::{Mocks, MocksConfig};
use reglament_reference::{Config, Faults, Reference};
use std::time::Duration;

pub const PASSWORD: &str = "reglament-test";

pub struct Env {
    pub mocks: Mocks,
    pub reference: Reference,
    pub target: ContractTarget,
    pub http: reqwest::Client,
}

pub async fn start(faults: &[&str]) -> Env {
    let mocks = Mocks::start(MocksConfig::default()).await.unwrap();
    let cfg = Config::with_mocks(
        &mocks,
        "127.0.0.1:0".parse().unwrap(),
        Faults::parse(faults.iter().copied()).unwrap(),
        1,
        PASSWORD.into(),
    )
    .unwrap();
    let reference = Reference::start(cfg).await.unwrap();
    let target = ContractTarget::new(&reference.base_url(), Duration::from_secs(30));
    Env {
        mocks,
        reference,
        target,
        http: reqwest::Client::new(),
    }
}

/// A plan for `service`/`channel` with sensible defaults: the `good`
/// certificate, paying, approving.
pub fn plan(env: &Env, service: &str, channel: &str, cert: &str) -> Plan {
    let portal = channel == "portal";
    let sample = env.mocks.authority.sample(cert).unwrap();
    let operator = env.mocks.authority.sample("operator").unwrap();
    let signer = if portal {
        sample.clone()
    } else {
        operator.clone()
    };
    let (cert_pem, key_pem) = (signer.cert_pem.into_bytes(), signer.key_pem.into_bytes());
    let attachments = reglament_reference::flows::FLOWS
        .iter()
        .find(|f| f.service == service)
        .unwrap()
        .terms
        .required_attachments
        .iter()
        .map(|s| s.to_string())
        .collect();
    Plan {
        service: service.into(),
        channel: channel.into(),
        applicant_iin: sample.applicant_iin.clone(),
        applicant_password: PASSWORD.into(),
        operator_iin: operator.iin.clone(),
        operator_password: PASSWORD.into(),
        entity_bin: None,
        attachments,
        sign: Box::new(move |payload| {
            reglament_signature::sign(payload, &cert_pem, &key_pem, true).unwrap()
        }),
        payment: PaymentIntent::Pay,
        decision: Decision::Approve,
        hearing_reversed: false,
        poll: Duration::from_millis(50),
        give_up_after: Duration::from_secs(20),
    }
}

pub async fn run(env: &Env, plan: &Plan) -> Walk {
    walk(&env.target, plan, &env.http).await
}

pub fn steps(w: &Walk) -> Vec<u32> {
    w.last
        .as_ref()
        .map(|v| v.events.iter().map(|e| e.step).collect())
        .unwrap_or_default()
}
