//! The request state machine: walks a flow step by step, records the
//! implementation's own event history (regulation step numbers with
//! timestamps), waits where the act waits for a person, and calls the
//! state databases, the payment gateway and the OCSP responder where the act
//! checks something.

use crate::backends::{BackendError, Clients, InvoiceAnswer, Lookup};
use crate::clock::Clock;
use crate::faults::{Fault, Faults};
use crate::flows::{Check, Flow, Next, When};
use crate::texts::{self, Status, Texts};
use chrono::{DateTime, FixedOffset, NaiveDate};
use reglament_calendar::{Calendar, DeadlineRules, OfficeHours, Period};
use serde::Serialize;
use std::time::Duration;

/// Who must act next for the request to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Awaiting {
    Signature,
    Payment,
    Decision,
    Hearing,
    Issue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Refused,
    Failed,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub step: u32,
    pub at: DateTime<FixedOffset>,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Approve,
    Refuse { reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Payment {
    Paid,
    NotPaid { expired: bool },
}

impl Payment {
    /// What an invoice status of the payment gateway means for the request
    /// (`None`: not settled yet), whether it comes by callback or by query.
    pub fn from_gateway(status: &str, faults: &Faults) -> Option<Payment> {
        match status {
            "paid" => Some(Payment::Paid),
            "declined" => Some(Payment::NotPaid { expired: false }),
            "expired" if faults.on(Fault::ExpiredInvoiceAccepted) => Some(Payment::Paid),
            "expired" => Some(Payment::NotPaid { expired: true }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultDoc {
    pub kind: &'static str,
    pub document: Vec<u8>,
    pub signature: Option<Vec<u8>>,
}

/// One request as the implementation keeps it.
pub struct Request {
    pub id: String,
    pub flow: &'static Flow,
    pub applicant_iin: String,
    pub entity_bin: Option<String>,
    pub attachments: Vec<String>,
    /// Whose signature the act expects (the applicant at the portal, the operator at a desk).
    pub signer_iin: String,
    pub session_at: DateTime<FixedOffset>,
    pub submitted_at: DateTime<FixedOffset>,
    /// The bytes to sign.
    pub payload: Vec<u8>,
    /// The step the request stands at, and whether its event is recorded.
    at: u32,
    recorded: bool,
    swapped: bool,
    pub events: Vec<Event>,
    pub status: Status,
    pub is_final: bool,
    pub awaiting: Option<Awaiting>,
    pub refusal_reason: Option<String>,
    pub signature: Option<Result<(), String>>,
    pub invoice: Option<InvoiceAnswer>,
    pub payment: Option<Payment>,
    pub decision: Option<Decision>,
    pub hearing_reversed: Option<bool>,
    pub issued: bool,
    pub due_date: Option<NaiveDate>,
    pub result: Option<ResultDoc>,
}

/// What the engine needs around it.
#[derive(Clone)]
pub struct Ctx {
    pub clients: Clients,
    pub clock: Clock,
    pub faults: Faults,
    pub calendar: Calendar,
    /// The provider's signing certificate and key (PEM), for result documents.
    pub provider_cert_pem: Vec<u8>,
    pub provider_key_pem: Vec<u8>,
    /// Where the payment gateway posts its notifications.
    pub callback_url: String,
    pub invoice_validity_s: u64,
}

pub struct NewRequest {
    pub id: String,
    pub flow: &'static Flow,
    pub applicant_iin: String,
    pub entity_bin: Option<String>,
    pub attachments: Vec<String>,
    pub signer_iin: String,
    pub session_at: DateTime<FixedOffset>,
    pub payload: Vec<u8>,
}

enum Verdict {
    Pending(Awaiting),
    Pass,
    Fail(Option<String>),
    Broken(String),
}

impl Request {
    pub fn new(n: NewRequest, ctx: &Ctx) -> Request {
        let now = ctx.clock.now();
        let due_date = n.flow.terms.working_days.and_then(|days| {
            let period = if ctx.faults.on(Fault::WrongDueDate) {
                Period::CalendarDays(days)
            } else {
                Period::WorkingDays(days)
            };
            // The act's office hours and after-hours rule (seed 002, "Жұмыс кестесі").
            let rules = DeadlineRules {
                office: n.flow.terms.office.and_then(OfficeHours::parse),
                after_hours_next_working_day: n.flow.terms.after_hours_next_day,
            };
            ctx.calendar
                .deadline(&now, period, &rules)
                .ok()
                .map(|d| d.last_day)
        });
        Request {
            id: n.id,
            flow: n.flow,
            applicant_iin: n.applicant_iin,
            entity_bin: n.entity_bin,
            attachments: n.attachments,
            signer_iin: n.signer_iin,
            session_at: n.session_at,
            submitted_at: now,
            payload: n.payload,
            at: n.flow.first().n,
            recorded: false,
            swapped: false,
            events: Vec::new(),
            status: Status::Accepted,
            is_final: false,
            awaiting: None,
            refusal_reason: None,
            signature: None,
            invoice: None,
            payment: None,
            decision: None,
            hearing_reversed: None,
            issued: false,
            due_date,
            result: None,
        }
    }

    pub fn texts(&self, faults: &Faults) -> Texts {
        if faults.on(Fault::WrongStatusText) {
            texts::wrong()
        } else {
            self.status.texts()
        }
    }

    fn record(
        &mut self,
        step: u32,
        at: DateTime<FixedOffset>,
        outcome: Outcome,
        detail: Option<String>,
    ) {
        self.events.push(Event {
            step,
            at,
            outcome,
            detail,
        });
    }

    fn fail(&mut self, step: u32, why: String, ctx: &Ctx) {
        self.record(step, ctx.clock.now(), Outcome::Failed, Some(why.clone()));
        self.status = Status::Failed;
        self.refusal_reason = Some(why);
        self.is_final = true;
        self.awaiting = None;
    }

    /// Walks the flow as far as it can go now.
    pub async fn advance(&mut self, ctx: &Ctx) {
        let mut guard = 0;
        while !self.is_final {
            guard += 1;
            if guard > 200 {
                let at = self.at;
                self.fail(at, "the flow does not end".into(), ctx);
                return;
            }
            let step = *self
                .flow
                .step(self.at)
                .expect("flows are closed graphs (tested)");
            if !self.recorded {
                if let Some(waiting) = self.waits_for(step.when) {
                    self.wait(waiting);
                    return;
                }
                if step.when == When::Payment {
                    match self.payment_state(ctx).await {
                        Ok(None) => {
                            self.wait(Awaiting::Payment);
                            return;
                        }
                        Ok(Some(_)) => {}
                        Err(e) => {
                            self.fail(step.n, e.to_string(), ctx);
                            return;
                        }
                    }
                }
                if step.registration && ctx.faults.on(Fault::SlowRegistration) {
                    tokio::time::sleep(Duration::from_secs(16)).await;
                }
                let at = match step.when {
                    When::Session | When::OperatorSession => self.session_at,
                    When::Submit => self.submitted_at,
                    _ => ctx.clock.now(),
                };
                let outcome = if step.next == Next::Refusal {
                    Outcome::Refused
                } else {
                    Outcome::Done
                };
                self.record(step.n, at, outcome, None);
                self.maybe_swap(step.when, ctx);
                self.recorded = true;
            }
            match step.next {
                Next::Go { to } => self.go(to),
                Next::Result => self.finish(true, ctx),
                Next::Refusal => self.finish(false, ctx),
                Next::Branch { check, pass, fail } => match self.evaluate(check, ctx).await {
                    Verdict::Pending(waiting) => {
                        self.wait(waiting);
                        return;
                    }
                    Verdict::Pass => self.go(pass),
                    Verdict::Fail(reason) => {
                        self.refusal_reason = reason;
                        self.go(fail)
                    }
                    Verdict::Broken(why) => {
                        self.fail(step.n, why, ctx);
                        return;
                    }
                },
            }
        }
    }

    fn go(&mut self, to: u32) {
        self.at = to;
        self.recorded = false;
        self.awaiting = None;
    }

    fn wait(&mut self, waiting: Awaiting) {
        self.awaiting = Some(waiting);
        self.status = match waiting {
            Awaiting::Signature => Status::AwaitingSignature,
            Awaiting::Payment => Status::AwaitingPayment,
            Awaiting::Hearing => Status::AwaitingHearing,
            Awaiting::Decision | Awaiting::Issue => Status::InProgress,
        };
    }

    fn waits_for(&self, when: When) -> Option<Awaiting> {
        match when {
            When::Signature if self.signature.is_none() => Some(Awaiting::Signature),
            When::Decision if self.decision.is_none() => Some(Awaiting::Decision),
            When::Hearing if self.hearing_reversed.is_none() => Some(Awaiting::Hearing),
            When::Issue if !self.issued => Some(Awaiting::Issue),
            _ => None,
        }
    }

    /// The `step-order-swapped` fault: two automatic steps reported in the wrong order.
    fn maybe_swap(&mut self, when: When, ctx: &Ctx) {
        if !ctx.faults.on(Fault::StepOrderSwapped) || self.swapped || when != When::Auto {
            return;
        }
        let n = self.events.len();
        if n >= 2 && self.signature.is_some() && self.events[n - 2].outcome == Outcome::Done {
            let (a, b) = (self.events[n - 2].step, self.events[n - 1].step);
            self.events[n - 2].step = b;
            self.events[n - 1].step = a;
            self.swapped = true;
        }
    }

    async fn evaluate(&mut self, check: Check, ctx: &Ctx) -> Verdict {
        match check {
            Check::Auth => Verdict::Pass,
            Check::SignatureValid => match &self.signature {
                None => Verdict::Pending(Awaiting::Signature),
                Some(Ok(())) => Verdict::Pass,
                Some(Err(why)) => Verdict::Fail(Some(why.clone())),
            },
            Check::Documents => {
                let missing: Vec<&str> = self
                    .flow
                    .terms
                    .required_attachments
                    .iter()
                    .copied()
                    .filter(|a| !self.attachments.iter().any(|x| x == a))
                    .collect();
                if missing.is_empty() {
                    Verdict::Pass
                } else {
                    Verdict::Fail(Some(format!(
                        "құжаттар топтамасы толық емес: {}",
                        missing.join(", ")
                    )))
                }
            }
            Check::Registry => self.registry(ctx).await,
            Check::Paid => match self.payment_state(ctx).await {
                Ok(None) => Verdict::Pending(Awaiting::Payment),
                Ok(Some(Payment::Paid)) => Verdict::Pass,
                Ok(Some(Payment::NotPaid { expired })) => Verdict::Fail(Some(if expired {
                    "Төлем мерзімі өтті".into()
                } else {
                    "Төлемнен бас тартылды".into()
                })),
                Err(e) => Verdict::Broken(e.to_string()),
            },
            Check::Approved => match &self.decision {
                None => Verdict::Pending(Awaiting::Decision),
                Some(Decision::Approve) => Verdict::Pass,
                Some(Decision::Refuse { reason }) => Verdict::Fail(
                    (!ctx.faults.on(Fault::RefusalWithoutReason)).then(|| reason.clone()),
                ),
            },
            Check::HearingReversed => match self.hearing_reversed {
                None => Verdict::Pending(Awaiting::Hearing),
                Some(true) => Verdict::Pass,
                Some(false) => Verdict::Fail(
                    (!ctx.faults.on(Fault::RefusalWithoutReason))
                        .then(|| "Тыңдау нәтижесінде бас тарту туралы шешім қабылданды".into()),
                ),
            },
        }
    }

    async fn registry(&self, ctx: &Ctx) -> Verdict {
        if ctx.faults.on(Fault::RegistryNotCalled) {
            return Verdict::Pass;
        }
        let mut last = None;
        for attempt in 0..3 {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(200 * attempt)).await;
            }
            let person = ctx.clients.person(&self.applicant_iin).await;
            let answer = match (person, &self.entity_bin) {
                (Ok(Lookup::Found), Some(bin)) => ctx.clients.entity(bin).await,
                (other, _) => other,
            };
            match answer {
                Ok(Lookup::Found) => return Verdict::Pass,
                Ok(Lookup::Refused(why)) => return Verdict::Fail(Some(why)),
                Err(e) => last = Some(e),
            }
        }
        if ctx.faults.on(Fault::RegistryFailureSwallowed) {
            return Verdict::Pass;
        }
        Verdict::Broken(format!(
            "the state database did not answer: {}",
            last.map(|e| e.to_string()).unwrap_or_default()
        ))
    }

    /// Creates the invoice on first need; then what the gateway says of it.
    async fn payment_state(&mut self, ctx: &Ctx) -> Result<Option<Payment>, BackendError> {
        if let Some(p) = &self.payment {
            return Ok(Some(p.clone()));
        }
        if ctx.faults.on(Fault::PaymentNotChecked) {
            self.payment = Some(Payment::Paid);
            return Ok(self.payment.clone());
        }
        let Some(inv) = &self.invoice else {
            let mrp = crate::mrp_kzt(self.submitted_at.date_naive());
            let amount = self.flow.terms.fee_mrp.unwrap_or(0.5) * mrp;
            let body = serde_json::json!({
                "request_id": self.id,
                "payer_iin": self.applicant_iin,
                "amount_kzt": amount,
                "kbk": "108126",
                "valid_for_s": ctx.invoice_validity_s,
                "callback_url": ctx.callback_url,
            });
            self.invoice = Some(ctx.clients.create_invoice(body).await?);
            return Ok(None);
        };
        let now = ctx.clients.invoice(&inv.invoice_id).await?;
        let settled = Payment::from_gateway(&now.status, &ctx.faults);
        self.invoice = Some(now);
        self.payment = settled.clone();
        Ok(settled)
    }

    fn finish(&mut self, result: bool, ctx: &Ctx) {
        self.is_final = true;
        self.awaiting = None;
        // Where the act's output document is "the certificate or a reasoned
        // refusal" (seed 001), a refusal walks the result path but is still a refusal.
        let refused_on_result_path =
            result && matches!(self.decision, Some(Decision::Refuse { .. }));
        if refused_on_result_path && self.refusal_reason.is_none() {
            if let Some(Decision::Refuse { reason }) = &self.decision {
                if !ctx.faults.on(Fault::RefusalWithoutReason) {
                    self.refusal_reason = Some(reason.clone());
                }
            }
        }
        let result = result && !refused_on_result_path;
        self.status = if result {
            Status::Completed
        } else if self.payment == Some(Payment::NotPaid { expired: true }) {
            Status::PaymentExpired
        } else {
            Status::Refused
        };
        let kind = if result { "result" } else { "refusal" };
        let doc = serde_json::json!({
            "request_id": self.id,
            "service": self.flow.service,
            "channel": self.flow.channel.as_str(),
            "kind": kind,
            "applicant_iin": self.applicant_iin,
            "issued_at": ctx.clock.now().to_rfc3339(),
            "reason": if result { None } else { self.refusal_reason.clone() },
        });
        let document = serde_json::to_vec_pretty(&doc).expect("serialisable");
        let signature = if ctx.faults.on(Fault::UnsignedResult) {
            None
        } else {
            reglament_signature::sign(
                &document,
                &ctx.provider_cert_pem,
                &ctx.provider_key_pem,
                true,
            )
            .ok()
        };
        self.result = Some(ResultDoc {
            kind,
            document,
            signature,
        });
    }
}
