//! Scenarios: paths through a step table, in the fixed phrase vocabulary that
//! the conformance runner implements (docs/feature-format.md, "Scenarios").

use crate::diag::Source;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub name: String,
    pub tags: Vec<String>,
    pub steps: Vec<ScenarioStep>,
    pub source: Source,
}

impl Scenario {
    /// The regulation steps the scenario walks, in order, with the line of each.
    pub fn path(&self) -> Vec<(u32, &Source)> {
        self.steps
            .iter()
            .filter_map(|s| match s.action {
                Action::StepDone { step } => Some((step, &s.source)),
                _ => None,
            })
            .collect()
    }
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioStep {
    pub text: String,
    pub action: Action,
    pub source: Source,
}

/// What a scenario line asks of the harness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Action {
    Certificate {
        case: CertCase,
    },
    WrongPassword,
    PersonRecord {
        case: PersonCase,
    },
    EntityRecord {
        case: EntityCase,
    },
    Payment {
        intent: PaymentIntent,
    },
    Decision {
        decision: Decision,
    },
    /// The applicant hands in an incomplete set of documents (PSC/provider desk).
    IncompleteDocuments,
    SkipsHearing,
    /// 2021 rules: the hearing reverses the provider's preliminary refusal.
    HearingReverses,
    FilesComplaint,
    /// The state database answers nothing (the harness switches its mock to an outage).
    RegistryDown,
    Apply,
    /// The request must not reach a result: the scenario's path stops early on purpose.
    NotCompleted,
    StepDone {
        step: u32,
    },
    StatusReads {
        status: String,
    },
}

macro_rules! kebab_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $text),+ } }
            pub fn parse(s: &str) -> Option<Self> { Self::ALL.iter().copied().find(|v| v.as_str() == s) }
            pub fn expected() -> String { Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ") }
        }
    };
}

kebab_enum!(
    /// The applicant's signing certificate, as the PKI mock issues it.
    CertCase { Good = "good", Revoked = "revoked", Expired = "expired", NotYetValid = "not-yet-valid", IinMismatch = "iin-mismatch" }
);
kebab_enum!(
    /// The applicant's record in the state database of individuals.
    PersonCase { Found = "found", NotFound = "not-found", Deceased = "deceased", Minor = "minor", NameMismatch = "name-mismatch" }
);
kebab_enum!(
    /// The entity's record in the state database of legal entities.
    EntityCase { Found = "found", NotFound = "not-found", Liquidated = "liquidated" }
);
kebab_enum!(
    /// What the applicant does with the invoice.
    PaymentIntent { Pay = "pay", NotPay = "not-pay", Decline = "decline" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Refuse { reason: String },
}

/// Reads one scenario line (without its keyword) into an [`Action`].
pub fn parse_phrase(text: &str) -> Result<Action, String> {
    let text = text.trim();
    if let Some(v) = quoted(text, "an applicant with a \"", "\" certificate") {
        return CertCase::parse(v)
            .map(|case| Action::Certificate { case })
            .ok_or_else(|| {
                format!(
                    "unknown certificate case \"{v}\" (expected {})",
                    CertCase::expected()
                )
            });
    }
    if let Some(v) = quoted(
        text,
        "the applicant's record in the state database is \"",
        "\"",
    ) {
        return PersonCase::parse(v)
            .map(|case| Action::PersonRecord { case })
            .ok_or_else(|| {
                format!(
                    "unknown person record case \"{v}\" (expected {})",
                    PersonCase::expected()
                )
            });
    }
    if let Some(v) = quoted(
        text,
        "the entity's record in the state database is \"",
        "\"",
    ) {
        return EntityCase::parse(v)
            .map(|case| Action::EntityRecord { case })
            .ok_or_else(|| {
                format!(
                    "unknown entity record case \"{v}\" (expected {})",
                    EntityCase::expected()
                )
            });
    }
    if let Some(reason) = quoted(
        text,
        "the provider will refuse the request with reason \"",
        "\"",
    ) {
        if reason.trim().is_empty() {
            return Err("a reasoned refusal needs a non-empty reason".into());
        }
        return Ok(Action::Decision {
            decision: Decision::Refuse {
                reason: reason.to_string(),
            },
        });
    }
    if let Some(v) = quoted(text, "the request status reads \"", "\"") {
        return Ok(Action::StatusReads {
            status: v.to_string(),
        });
    }
    if let Some(rest) = text.strip_prefix("step ") {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = rest[digits.len()..].trim_start();
        if !digits.is_empty()
            && (after == "is done"
                || after.starts_with("is done —")
                || after.starts_with("is done:"))
        {
            return digits
                .parse()
                .map(|step| Action::StepDone { step })
                .map_err(|_| format!("\"{digits}\" is not a step number"));
        }
    }
    let fixed = match text {
        "the applicant's password is wrong" => Action::WrongPassword,
        "the applicant will pay the invoice" => Action::Payment {
            intent: PaymentIntent::Pay,
        },
        "the applicant will not pay the invoice" => Action::Payment {
            intent: PaymentIntent::NotPay,
        },
        "the applicant will decline the payment" => Action::Payment {
            intent: PaymentIntent::Decline,
        },
        "the provider will approve the request" => Action::Decision {
            decision: Decision::Approve,
        },
        "the applicant's documents are incomplete" => Action::IncompleteDocuments,
        "the applicant will not attend the hearing" => Action::SkipsHearing,
        "the applicant will convince the provider at the hearing" => Action::HearingReverses,
        "the applicant files a complaint" => Action::FilesComplaint,
        "the applicant applies for the service" => Action::Apply,
        "the state database is unavailable" => Action::RegistryDown,
        "the request is not completed" => Action::NotCompleted,
        _ => return Err(format!("unknown phrase \"{text}\"")),
    };
    Ok(fixed)
}

fn quoted<'a>(text: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?.strip_suffix(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_phrase_parses() {
        let cases = [
            (
                "an applicant with a \"revoked\" certificate",
                Action::Certificate {
                    case: CertCase::Revoked,
                },
            ),
            ("the applicant's password is wrong", Action::WrongPassword),
            (
                "the applicant's record in the state database is \"deceased\"",
                Action::PersonRecord {
                    case: PersonCase::Deceased,
                },
            ),
            (
                "the entity's record in the state database is \"liquidated\"",
                Action::EntityRecord {
                    case: EntityCase::Liquidated,
                },
            ),
            (
                "the applicant will pay the invoice",
                Action::Payment {
                    intent: PaymentIntent::Pay,
                },
            ),
            (
                "the applicant will not pay the invoice",
                Action::Payment {
                    intent: PaymentIntent::NotPay,
                },
            ),
            (
                "the applicant will decline the payment",
                Action::Payment {
                    intent: PaymentIntent::Decline,
                },
            ),
            (
                "the provider will approve the request",
                Action::Decision {
                    decision: Decision::Approve,
                },
            ),
            (
                "the provider will refuse the request with reason \"Құжат жоқ\"",
                Action::Decision {
                    decision: Decision::Refuse {
                        reason: "Құжат жоқ".into(),
                    },
                },
            ),
            (
                "the applicant will not attend the hearing",
                Action::SkipsHearing,
            ),
            ("the applicant files a complaint", Action::FilesComplaint),
            (
                "the applicant will convince the provider at the hearing",
                Action::HearingReverses,
            ),
            (
                "the applicant's documents are incomplete",
                Action::IncompleteDocuments,
            ),
            ("the applicant applies for the service", Action::Apply),
            ("the state database is unavailable", Action::RegistryDown),
            ("the request is not completed", Action::NotCompleted),
            (
                "step 11 is done — result received",
                Action::StepDone { step: 11 },
            ),
            ("step 3 is done", Action::StepDone { step: 3 }),
            (
                "the request status reads \"accepted\"",
                Action::StatusReads {
                    status: "accepted".into(),
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_phrase(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn unknown_phrases_and_values_are_rejected() {
        assert!(parse_phrase("the applicant is happy")
            .unwrap_err()
            .contains("unknown phrase"));
        assert!(parse_phrase("an applicant with a \"stolen\" certificate")
            .unwrap_err()
            .contains("expected good"));
        assert!(parse_phrase("step x is done").is_err());
        assert!(parse_phrase("step 3 is finished").is_err());
        assert!(parse_phrase("the provider will refuse the request with reason \"\"").is_err());
    }
}
