//! The fault catalogue: each fault makes the reference break the regulation
//! in one named, observable way, so the harness can prove it catches it.

use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

macro_rules! faults {
    ($($variant:ident = $name:literal : $about:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum Fault { $(#[serde(rename = $name)] $variant),+ }
        impl Fault {
            pub const ALL: &'static [Fault] = &[$(Fault::$variant),+];
            pub fn name(self) -> &'static str { match self { $(Fault::$variant => $name),+ } }
            pub fn about(self) -> &'static str { match self { $(Fault::$variant => $about),+ } }
            pub fn parse(s: &str) -> Option<Fault> { match s { $($name => Some(Fault::$variant),)+ _ => None } }
        }
    };
}

faults! {
    SlowRegistration = "slow-registration":
        "the registration step of every flow takes 16 s more (seed 000 row 7 allows 10–15 сек)",
    SignatureNotVerified = "signature-not-verified":
        "any signature is accepted without checking the CMS, the certificate or its status",
    RevokedAccepted = "revoked-certificate-accepted":
        "the certificate's status is never asked of the OCSP responder: revoked certificates pass",
    IinMismatchIgnored = "iin-mismatch-ignored":
        "a signature by someone else's certificate is accepted (the IIN is not compared)",
    RegistryNotCalled = "registry-not-called":
        "the state database is never asked: every applicant is taken as found",
    RegistryFailureSwallowed = "registry-failure-swallowed":
        "a failing state database (500, 503, timeout) is taken as \"found\"",
    PaymentNotChecked = "payment-not-checked":
        "the request goes on as paid without asking the payment gateway",
    ExpiredInvoiceAccepted = "expired-invoice-accepted":
        "an invoice that expired unpaid is taken as paid",
    WrongStatusText = "wrong-status-text":
        "the status texts shown are not the act's",
    WrongDueDate = "wrong-due-date":
        "the due date counts calendar days instead of working days",
    StepOrderSwapped = "step-order-swapped":
        "the first two automatic steps after the signature are done in the wrong order",
    RefusalWithoutReason = "refusal-without-reason":
        "a provider's refusal reaches the applicant without its reason",
    CrashMidFlow = "crash-mid-flow":
        "the implementation fails with HTTP 500 when the signature arrives",
    UnsignedResult = "unsigned-result":
        "the result document is issued without the provider's signature",
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The faults switched on.
#[derive(Debug, Clone, Default)]
pub struct Faults(BTreeSet<Fault>);

impl Faults {
    pub fn none() -> Self {
        Self::default()
    }
    /// Parses `--fault` names; an unknown name is an error listing the known ones.
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
        let mut set = BTreeSet::new();
        for n in names {
            match Fault::parse(n) {
                Some(f) => {
                    set.insert(f);
                }
                None => {
                    let known: Vec<_> = Fault::ALL.iter().map(|f| f.name()).collect();
                    return Err(format!(
                        "unknown fault \"{n}\" (known: {})",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(Faults(set))
    }
    pub fn on(&self, f: Fault) -> bool {
        self.0.contains(&f)
    }
    pub fn iter(&self) -> impl Iterator<Item = Fault> + '_ {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for f in Fault::ALL {
            assert_eq!(Fault::parse(f.name()), Some(*f));
            assert!(!f.about().is_empty());
        }
        assert!(Fault::ALL.len() >= 14);
        let err = Faults::parse(["slow-registration", "nope"]).unwrap_err();
        assert!(
            err.contains("nope") && err.contains("crash-mid-flow"),
            "{err}"
        );
    }
}
