//! The nine services as their acts describe them, one flow per channel table.
//!
//! Written from the acts (the step tables and the narrative lists of
//! processes and conditions, read with the errata in docs/errata.md), not
//! generated from reglament's model: the reference is an independent
//! implementation that the harness checks. Step numbers are the act's.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Portal,
    Psc,
    Provider,
}

impl Channel {
    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "portal" => Some(Channel::Portal),
            "psc" => Some(Channel::Psc),
            "provider" => Some(Channel::Provider),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Psc => "psc",
            Channel::Provider => "provider",
        }
    }
}

/// What completes a step: an action of the applicant or an operator (which
/// the implementation waits for), or the implementation itself (`Auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// The applicant signed in to the portal (the session's time).
    Session,
    /// The PSC or provider operator signed in to the workstation.
    OperatorSession,
    /// The request was filled in and submitted.
    Submit,
    /// A signature was attached (applicant at the portal, operator at a desk).
    Signature,
    /// The provider's decision was taken.
    Decision,
    /// The payment was settled at the gateway (paid, declined or expired).
    Payment,
    /// The hearing before a refusal was held (2021 rules).
    Hearing,
    /// An operator handed the result over.
    Issue,
    /// The implementation did it on its own (registration, routing, notices).
    Auto,
}

/// A condition of the act ("N-шарт") deciding between two next steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Authorization succeeded (portal sign-in).
    Auth,
    /// The EDS is valid, not revoked, and its IIN is the applicant's.
    SignatureValid,
    /// The state database has the applicant (alive) and the entity (active).
    Registry,
    /// The document set is complete.
    Documents,
    /// The state duty was paid before the invoice expired.
    Paid,
    /// The provider approved.
    Approved,
    /// The hearing reversed the preliminary refusal.
    HearingReversed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Next {
    Go { to: u32 },
    Branch { check: Check, pass: u32, fail: u32 },
    Result,
    Refusal,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Step {
    pub n: u32,
    pub when: When,
    pub next: Next,
    /// Registration, the step the `slow-registration` fault delays.
    pub registration: bool,
}

/// A service term the act states.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Terms {
    /// The term of service in working days, where the act states one.
    pub working_days: Option<u32>,
    /// The state duty in МРП (АЕК), where the service is paid.
    pub fee_mrp: Option<f64>,
    /// Attachments a complete document set has.
    pub required_attachments: &'static [&'static str],
    /// The provider's office hours, where the act gives them.
    pub office: Option<&'static str>,
    /// The act says a request filed after hours counts from the next working day.
    pub after_hours_next_day: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    pub service: &'static str,
    pub channel: Channel,
    /// Where in the act this flow comes from.
    pub source: &'static str,
    pub steps: &'static [Step],
    pub terms: Terms,
}

impl Flow {
    pub fn step(&self, n: u32) -> Option<&Step> {
        self.steps.iter().find(|s| s.n == n)
    }
    pub fn first(&self) -> &Step {
        &self.steps[0]
    }
    /// The refusal step of a failed sign-in, for portal flows.
    pub fn auth_refusal(&self) -> Option<u32> {
        match self.first().next {
            Next::Branch {
                check: Check::Auth,
                fail,
                ..
            } => Some(fail),
            _ => None,
        }
    }
    pub fn needs_signature(&self) -> bool {
        self.steps.iter().any(|s| {
            s.when == When::Signature
                || matches!(
                    s.next,
                    Next::Branch {
                        check: Check::SignatureValid,
                        ..
                    }
                )
        })
    }
}

/// Terms of an act that states no office hours.
const fn terms(
    working_days: Option<u32>,
    fee_mrp: Option<f64>,
    docs: &'static [&'static str],
) -> Terms {
    Terms {
        working_days,
        fee_mrp,
        required_attachments: docs,
        office: None,
        after_hours_next_day: false,
    }
}

const fn s(n: u32, when: When, next: Next) -> Step {
    Step {
        n,
        when,
        next,
        registration: false,
    }
}
/// A registration step (`slow-registration` delays it).
const fn reg(n: u32, when: When, next: Next) -> Step {
    Step {
        n,
        when,
        next,
        registration: true,
    }
}
const fn go(to: u32) -> Next {
    Next::Go { to }
}
const fn br(check: Check, pass: u32, fail: u32) -> Next {
    Next::Branch { check, pass, fail }
}
const RES: Next = Next::Result;
const REF: Next = Next::Refusal;

use Check::*;
use When::*;

const APOSTILLE_DOCS: &[&str] = &["education-document"];
const ARCHIVE_DOCS: &[&str] = &["application"];
const MINORS_DOCS: &[&str] = &["identity-document", "birth-certificate"];
const MEDIA_DOCS: &[&str] = &["application", "charter"];

/// Portal flows of seed 003 and seed 004/2: sign in, fill in and sign
/// (the EDS check is the branch of the filling step), registration, decision.
const SIGN_IN_FILL_SIGN_DECIDE: &[Step] = &[
    s(1, Session, br(Auth, 3, 2)),
    s(2, Auto, REF),
    s(3, Submit, br(SignatureValid, 5, 4)),
    s(4, Auto, REF),
    s(5, Auto, go(6)),
    reg(6, Auto, br(Approved, 8, 7)),
    s(7, Decision, REF),
    s(8, Decision, RES),
];

/// PSC flows of seed 003: operator signs in, enters the data, the state
/// database is asked, the operator signs, the provider registers and decides,
/// the PSC hands the result over.
const PSC_REGISTRY_DECIDE_ISSUE: &[Step] = &[
    s(1, OperatorSession, go(2)),
    s(2, Submit, go(3)),
    s(3, Auto, br(Registry, 5, 4)),
    s(4, Auto, REF),
    s(5, Signature, go(6)),
    s(6, Auto, go(7)),
    reg(7, Auto, br(Approved, 9, 8)),
    s(8, Decision, REF),
    s(9, Issue, RES),
];

/// Provider-desk flows of seed 004: the employee signs in, enters the data,
/// the state database is asked, the employee signs, registration, decision.
const PROVIDER_REGISTRY_DECIDE: &[Step] = &[
    s(1, OperatorSession, go(2)),
    s(2, Submit, go(3)),
    s(3, Auto, br(Registry, 5, 4)),
    s(4, Auto, REF),
    s(5, Signature, go(6)),
    reg(6, Auto, br(Approved, 8, 7)),
    s(7, Decision, REF),
    s(8, Issue, RES),
];

/// Portal flows of seed 004/1 and 004/3: payment before the signature.
const PORTAL_PAY_THEN_SIGN: &[Step] = &[
    s(1, Session, br(Auth, 3, 2)),
    s(2, Auto, REF),
    s(3, Submit, go(4)),
    s(4, Payment, br(Paid, 6, 5)),
    s(5, Auto, REF),
    s(6, Signature, br(SignatureValid, 8, 7)),
    s(7, Auto, REF),
    s(8, Auto, go(9)),
    reg(9, Auto, br(Approved, 11, 10)),
    s(10, Decision, REF),
    s(11, Decision, RES),
];

pub static FLOWS: &[Flow] = &[
    Flow {
        service: "apostille-education-2012",
        channel: Channel::Portal,
        source: "seed 000, 3-қосымша 1-кесте; narrative п. 6 2)-16) (branches of 2-, 3-, 4-шарт on rows 4, 7, 9)",
        steps: &[
            s(1, Session, br(Auth, 3, 2)),
            s(2, Auto, REF),
            s(3, Submit, go(4)),
            s(4, Signature, br(SignatureValid, 6, 5)),
            s(5, Auto, REF),
            s(6, Auto, go(7)),
            reg(7, Decision, br(Approved, 9, 8)),
            s(8, Auto, REF),
            s(9, Payment, br(Paid, 11, 10)),
            s(10, Auto, REF),
            s(11, Auto, RES),
        ],
        terms: terms(Some(2), Some(0.5), APOSTILLE_DOCS),
    },
    Flow {
        service: "archival-certificates-astana-2012",
        channel: Channel::Provider,
        source: "seed 001, 1-кесте (provider); narrative п. 6",
        steps: &[
            s(1, Submit, go(2)),
            reg(2, Signature, go(3)),
            s(3, Auto, go(4)),
            s(4, Auto, go(5)),
            s(5, Decision, go(6)),
            s(6, Auto, go(7)),
            s(7, Auto, go(8)),
            s(8, Auto, go(9)),
            s(9, Auto, go(10)),
            s(10, Auto, go(11)),
            s(11, Auto, go(12)),
            s(12, Auto, RES),
        ],
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "archival-certificates-astana-2012",
        channel: Channel::Psc,
        source: "seed 001, 1-кесте (ХҚКО); narrative п. 7",
        steps: &[
            s(1, Submit, go(2)),
            reg(2, Signature, go(3)),
            s(3, Auto, go(4)),
            s(4, Auto, go(5)),
            s(5, Auto, go(6)),
            s(6, Decision, go(7)),
            s(7, Auto, go(8)),
            s(8, Auto, go(9)),
            s(9, Auto, go(10)),
            s(10, Auto, go(11)),
            s(11, Auto, go(12)),
            s(12, Auto, go(13)),
            s(13, Auto, go(14)),
            s(14, Auto, go(15)),
            s(15, Issue, RES),
        ],
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "archival-certificates-astana-2012",
        channel: Channel::Portal,
        source: "seed 001, 1-кесте (ЭҮП); narrative п. 8",
        steps: &[
            reg(1, Signature, go(2)),
            s(2, Auto, go(3)),
            s(3, Auto, go(4)),
            s(4, Auto, go(5)),
            s(5, Auto, go(6)),
            s(6, Decision, go(7)),
            s(7, Auto, go(8)),
            s(8, Auto, go(9)),
            s(9, Auto, go(10)),
            s(10, Auto, go(11)),
            s(11, Auto, go(12)),
            s(12, Auto, go(13)),
            s(13, Auto, go(14)),
            s(14, Auto, go(15)),
            s(15, Auto, RES),
        ],
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "apostille-education-2021",
        channel: Channel::Psc,
        source: "seed 002, rules п. 10 1)-6), hearing (п. 10 after 5)), complaint п. 17",
        steps: &[
            reg(1, Submit, go(2)),
            s(2, Auto, go(3)),
            s(3, Auto, br(Documents, 4, 7)),
            s(4, Auto, go(5)),
            s(5, Decision, br(Approved, 6, 8)),
            s(6, Auto, RES),
            s(7, Auto, REF),
            s(8, Hearing, br(HearingReversed, 6, 9)),
            s(9, Auto, REF),
        ],
        terms: Terms {
            working_days: Some(15),
            fee_mrp: Some(0.5),
            required_attachments: APOSTILLE_DOCS,
            office: Some("9.00-18.30"),
            after_hours_next_day: false,
        },
    },
    Flow {
        service: "apostille-education-2021",
        channel: Channel::Portal,
        source: "seed 002, rules п. 11 1)-5), hearing, complaint п. 17",
        steps: &[
            reg(1, Submit, go(2)),
            s(2, Auto, br(Paid, 3, 6)),
            s(3, Auto, go(4)),
            s(4, Decision, br(Approved, 5, 7)),
            s(5, Auto, RES),
            s(6, Auto, REF),
            s(7, Hearing, br(HearingReversed, 5, 8)),
            s(8, Auto, REF),
        ],
        terms: Terms {
            working_days: Some(15),
            fee_mrp: Some(0.5),
            required_attachments: APOSTILLE_DOCS,
            office: Some("9.00-18.30"),
            after_hours_next_day: true,
        },
    },
    Flow {
        service: "guardianship-certificate-2012",
        channel: Channel::Portal,
        source: "seed 003, 1st regulation, ЭҮП table; narrative п. 6",
        steps: SIGN_IN_FILL_SIGN_DECIDE,
        terms: terms(Some(5), None, MINORS_DOCS),
    },
    Flow {
        service: "guardianship-certificate-2012",
        channel: Channel::Psc,
        source: "seed 003, 1st regulation, ХҚКО table; narrative п. 7",
        steps: PSC_REGISTRY_DECIDE_ISSUE,
        terms: terms(Some(5), None, MINORS_DOCS),
    },
    Flow {
        service: "minors-deposits-inheritance-2012",
        channel: Channel::Portal,
        source: "seed 003, 2nd regulation, ЭҮП table; narrative п. 6",
        steps: SIGN_IN_FILL_SIGN_DECIDE,
        terms: terms(Some(5), None, MINORS_DOCS),
    },
    Flow {
        service: "minors-deposits-inheritance-2012",
        channel: Channel::Psc,
        source: "seed 003, 2nd regulation, ХҚКО table; narrative п. 7",
        steps: PSC_REGISTRY_DECIDE_ISSUE,
        terms: terms(Some(5), None, MINORS_DOCS),
    },
    Flow {
        service: "minors-property-transactions-2012",
        channel: Channel::Portal,
        source: "seed 003, 3rd regulation, ЭҮП table; narrative п. 6",
        steps: SIGN_IN_FILL_SIGN_DECIDE,
        terms: terms(None, None, MINORS_DOCS),
    },
    Flow {
        service: "minors-property-transactions-2012",
        channel: Channel::Psc,
        source: "seed 003, 3rd regulation, ХҚКО table; narrative п. 7",
        steps: PSC_REGISTRY_DECIDE_ISSUE,
        terms: terms(None, None, MINORS_DOCS),
    },
    Flow {
        service: "apostille-archival-certificates-2012",
        channel: Channel::Portal,
        source: "seed 004, 1st regulation, 1-кесте; narrative п. 6",
        steps: PORTAL_PAY_THEN_SIGN,
        terms: terms(None, Some(0.5), ARCHIVE_DOCS),
    },
    Flow {
        service: "apostille-archival-certificates-2012",
        channel: Channel::Provider,
        source: "seed 004, 1st regulation, 2-кесте; narrative п. 7",
        steps: PROVIDER_REGISTRY_DECIDE,
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "apostille-archival-certificates-2012",
        channel: Channel::Psc,
        source: "seed 004, 1st regulation, 3-кесте; narrative п. 8",
        steps: PSC_REGISTRY_DECIDE_ISSUE,
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "archival-certificates-issuance-2012",
        channel: Channel::Portal,
        source: "seed 004, 2nd regulation, 1-кесте; narrative п. 6",
        steps: SIGN_IN_FILL_SIGN_DECIDE,
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "archival-certificates-issuance-2012",
        channel: Channel::Provider,
        source: "seed 004, 2nd regulation, 2-кесте; narrative п. 7",
        steps: PROVIDER_REGISTRY_DECIDE,
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "archival-certificates-issuance-2012",
        channel: Channel::Psc,
        source: "seed 004, 2nd regulation, 3-кесте; narrative п. 8",
        steps: PSC_REGISTRY_DECIDE_ISSUE,
        terms: terms(None, None, ARCHIVE_DOCS),
    },
    Flow {
        service: "mass-media-registration-2012",
        channel: Channel::Portal,
        source: "seed 004, 3rd regulation, 1-кесте; narrative п. 6",
        steps: PORTAL_PAY_THEN_SIGN,
        terms: terms(None, Some(0.5), MEDIA_DOCS),
    },
    Flow {
        service: "mass-media-registration-2012",
        channel: Channel::Provider,
        source: "seed 004, 3rd regulation, 2-кесте; narrative п. 7",
        steps: PROVIDER_REGISTRY_DECIDE,
        terms: terms(None, None, MEDIA_DOCS),
    },
];

pub fn find(service: &str, channel: Channel) -> Option<&'static Flow> {
    FLOWS
        .iter()
        .find(|f| f.service == service && f.channel == channel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn twenty_flows_for_nine_services() {
        assert_eq!(FLOWS.len(), 20);
        let services: BTreeSet<_> = FLOWS.iter().map(|f| f.service).collect();
        assert_eq!(services.len(), 9);
    }

    #[test]
    fn every_flow_is_a_closed_graph_ending_in_a_result() {
        for f in FLOWS {
            let known: BTreeSet<u32> = f.steps.iter().map(|s| s.n).collect();
            for st in f.steps {
                let targets = match st.next {
                    Next::Go { to } => vec![to],
                    Next::Branch { pass, fail, .. } => vec![pass, fail],
                    _ => vec![],
                };
                for t in targets {
                    assert!(
                        known.contains(&t),
                        "{} {:?}: step {} -> {t}",
                        f.service,
                        f.channel,
                        st.n
                    );
                }
            }
            assert!(
                f.steps.iter().any(|s| s.next == Next::Result),
                "{}",
                f.service
            );
            assert!(
                f.steps.iter().any(|s| s.registration),
                "{} {:?} names its registration step",
                f.service,
                f.channel
            );
        }
    }
}
