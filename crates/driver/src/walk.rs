//! Walking one request through a target, the way a scenario says: the
//! harness plays the applicant (signs, pays or not) and the operators
//! (decides, holds the hearing, hands over the result), and times each call.

use crate::*;
use std::time::{Duration, Instant};

/// The applicant's intent at the payment gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentIntent {
    Pay,
    /// Lets the invoice expire.
    NotPay,
    Decline,
}

/// The provider's decision the harness takes when asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Refuse(String),
}

/// Signs the signing payload (CMS DER out).
pub type SignFn = Box<dyn Fn(&[u8]) -> Vec<u8> + Send + Sync>;

/// What one scenario asks of the target.
pub struct Plan {
    pub service: String,
    pub channel: String,
    pub applicant_iin: String,
    pub applicant_password: String,
    pub operator_iin: String,
    pub operator_password: String,
    pub entity_bin: Option<String>,
    pub attachments: Vec<String>,
    /// Who signs at the step that asks for a signature (applicant at the
    /// portal, operator at a desk), with which certificate.
    pub sign: SignFn,
    pub payment: PaymentIntent,
    pub decision: Decision,
    pub hearing_reversed: bool,
    /// How often to look at the request while nothing is asked of the harness.
    pub poll: Duration,
    /// When to give up on a request that never ends.
    pub give_up_after: Duration,
}

/// One call the harness made, timed.
#[derive(Debug, Clone)]
pub struct Call {
    pub operation: &'static str,
    pub started: Instant,
    pub elapsed: Duration,
    /// `ok`, `refused`, or the error.
    pub outcome: String,
}

/// Everything observed while walking.
#[derive(Debug, Default)]
pub struct Walk {
    pub calls: Vec<Call>,
    /// Authorization refused (the act's refusal at sign-in).
    pub auth_refused: Option<Problem>,
    pub submitted: Option<Submitted>,
    /// The last view of the request.
    pub last: Option<RequestView>,
    pub result: Option<ResultDocument>,
    /// What stopped the walk early, if anything.
    pub error: Option<String>,
    /// The target kept the request open beyond `give_up_after`.
    pub gave_up: bool,
}

/// How long a step took, and who measured it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Took {
    /// The harness's monotonic timing of the call that did the step.
    Harness(Duration),
    /// The difference of two target timestamps (negative when the target's
    /// clock ran backwards: the caller decides what that means).
    Target(chrono::TimeDelta),
}

/// One event of the target's history, with the time its step took.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTiming {
    pub step: u32,
    /// The event's timestamp; `None` when it is not RFC 3339.
    pub at: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub outcome: String,
    /// `None` when there is nothing to measure from (no call, no timestamp).
    pub took: Option<Took>,
}

impl Walk {
    /// How long the first call of `operation` took.
    pub fn elapsed(&self, operation: &str) -> Option<Duration> {
        self.calls
            .iter()
            .find(|c| c.operation == operation)
            .map(|c| c.elapsed)
    }

    /// The target's events with the time each step took, measured as
    /// reglament measures every step (conformance and load alike): the first
    /// by the harness's timing of the call that did it (sign-in at the
    /// portal, submission at a desk), each later one as the difference from
    /// the last readable timestamp before it.
    pub fn step_timings(&self, portal: bool) -> Vec<StepTiming> {
        let first = if portal {
            self.elapsed("authenticate").or(self.elapsed("submit"))
        } else {
            self.elapsed("submit")
        };
        let events = self
            .last
            .as_ref()
            .map(|v| v.events.as_slice())
            .unwrap_or(&[]);
        let mut prev = None;
        let mut out = Vec::with_capacity(events.len());
        for (i, e) in events.iter().enumerate() {
            let at = chrono::DateTime::parse_from_rfc3339(&e.at).ok();
            let took = match (i, prev, at) {
                (0, _, _) => first.map(Took::Harness),
                (_, Some(p), Some(a)) => Some(Took::Target(a - p)),
                _ => None,
            };
            if at.is_some() {
                prev = at;
            }
            out.push(StepTiming {
                step: e.step,
                at,
                outcome: e.outcome.clone(),
                took,
            });
        }
        out
    }

    fn note<T, E: std::fmt::Display>(
        &mut self,
        op: &'static str,
        t: &Timed<Result<T, E>>,
        refused: bool,
    ) {
        self.calls.push(Call {
            operation: op,
            started: t.started,
            elapsed: t.elapsed,
            outcome: match &t.value {
                Ok(_) if refused => "refused".into(),
                Ok(_) => "ok".into(),
                Err(e) => e.to_string(),
            },
        });
    }
}

pub async fn walk<T: Target>(target: &T, plan: &Plan, http: &reqwest::Client) -> Walk {
    let mut w = Walk::default();
    let portal = plan.channel == "portal";
    let op_creds = Credentials {
        role: Role::Operator,
        iin: plan.operator_iin.clone(),
        password: plan.operator_password.clone(),
    };
    let t = timed(target.authenticate(&op_creds)).await;
    w.note("authenticate-operator", &t, false);
    let operator = match t.value {
        Ok(Ok(s)) => s.token,
        Ok(Err(p)) => {
            w.error = Some(format!("the operator's sign-in was refused: {}", p.error));
            return w;
        }
        Err(e) => {
            w.error = Some(e.to_string());
            return w;
        }
    };
    let submitter = if portal {
        let creds = Credentials {
            role: Role::Applicant,
            iin: plan.applicant_iin.clone(),
            password: plan.applicant_password.clone(),
        };
        let t = timed(target.authenticate(&creds)).await;
        let refused = matches!(t.value, Ok(Err(_)));
        w.note("authenticate", &t, refused);
        match t.value {
            Ok(Ok(s)) => s.token,
            Ok(Err(p)) => {
                w.auth_refused = Some(p);
                return w;
            }
            Err(e) => {
                w.error = Some(e.to_string());
                return w;
            }
        }
    } else {
        operator.clone()
    };
    let new = NewRequest {
        service: plan.service.clone(),
        channel: plan.channel.clone(),
        applicant_iin: plan.applicant_iin.clone(),
        entity_bin: plan.entity_bin.clone(),
        form: serde_json::json!({"purpose": "reglament conformance run"}),
        attachments: plan
            .attachments
            .iter()
            .map(|name| Attachment {
                name: name.clone(),
                media_type: "application/pdf".into(),
                content_base64: "JVBERi0xLjQKJSBzeW50aGV0aWMK".into(),
            })
            .collect(),
    };
    let t = timed(target.submit(&submitter, &new)).await;
    let refused = matches!(t.value, Ok(Err(_)));
    w.note("submit", &t, refused);
    let (id, payload) = match t.value {
        Ok(Ok(s)) => {
            let payload = s.signing_payload.clone();
            let id = s.request_id.clone();
            w.submitted = Some(s);
            (id, payload)
        }
        Ok(Err(view)) => {
            w.last = Some(view);
            return w;
        }
        Err(e) => {
            w.error = Some(e.to_string());
            return w;
        }
    };
    let started = Instant::now();
    let mut paid_or_declined = false;
    loop {
        let t = timed(target.read(&submitter, &id)).await;
        w.note("read", &t, false);
        let view = match t.value {
            Ok(v) => v,
            Err(e) => {
                w.error = Some(e.to_string());
                return w;
            }
        };
        let awaiting = view.awaiting.clone();
        let is_final = view.is_final;
        let invoice = view.invoice.clone();
        w.last = Some(view);
        if is_final {
            break;
        }
        if started.elapsed() > plan.give_up_after {
            w.gave_up = true;
            break;
        }
        match awaiting.as_deref() {
            Some("signature") => {
                let Some(p) = &payload else {
                    w.error =
                        Some("the target awaits a signature but gave no signing_payload".into());
                    return w;
                };
                use base64::Engine as _;
                let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(p) else {
                    w.error = Some("signing_payload is not base64".into());
                    return w;
                };
                let cms = (plan.sign)(&bytes);
                let t = timed(target.attach_signature(&submitter, &id, &cms)).await;
                let refused = matches!(t.value, Ok(Err(_)));
                w.note("attach-signature", &t, refused);
                if let Err(e) = t.value {
                    w.error = Some(e.to_string());
                    return w;
                }
            }
            Some("payment") if !paid_or_declined && plan.payment != PaymentIntent::NotPay => {
                let Some(inv) = invoice else {
                    tokio::time::sleep(plan.poll).await;
                    continue;
                };
                let verb = if plan.payment == PaymentIntent::Pay {
                    "pay"
                } else {
                    "decline"
                };
                let t = timed(http.post(format!("{}/{verb}", inv.pay_url)).send()).await;
                w.note("gateway-pay", &t, false);
                paid_or_declined = true;
            }
            Some(kind @ ("decision" | "hearing" | "issue")) => {
                let action = match kind {
                    "decision" => match &plan.decision {
                        Decision::Approve => Action {
                            action: "decide".into(),
                            decision: Some("approve".into()),
                            reason: None,
                            attended: None,
                        },
                        Decision::Refuse(reason) => Action {
                            action: "decide".into(),
                            decision: Some("refuse".into()),
                            reason: Some(reason.clone()),
                            attended: None,
                        },
                    },
                    "hearing" => Action {
                        action: "hearing".into(),
                        decision: None,
                        reason: None,
                        attended: Some(plan.hearing_reversed),
                    },
                    _ => Action {
                        action: "issue".into(),
                        decision: None,
                        reason: None,
                        attended: None,
                    },
                };
                let t = timed(target.act(&operator, &id, &action)).await;
                w.note("operator-action", &t, false);
                if let Err(e) = t.value {
                    w.error = Some(e.to_string());
                    return w;
                }
            }
            _ => tokio::time::sleep(plan.poll).await,
        }
    }
    if w.last.as_ref().is_some_and(|v| v.is_final) {
        let t = timed(target.result(&submitter, &id)).await;
        w.note("fetch-result", &t, false);
        if let Ok(doc) = t.value {
            w.result = Some(doc);
        }
    }
    w
}
