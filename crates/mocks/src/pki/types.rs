//! The PKI mock's public data types: who a certificate is for, revocation
//! reasons, validity windows, statuses, samples, the JSON shapes of the HTTP
//! API and the sample manifest.

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum PkiError {
    #[error("crypto: {0}")]
    Crypto(String),
    #[error("ASN.1: {0}")]
    Asn1(String),
    #[error("{0}")]
    Invalid(String),
    #[error("no certificate {0}")]
    NotFound(String),
    #[error("certificate {0} is already revoked")]
    AlreadyRevoked(String),
}

/// Whom a certificate is issued to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub iin: String,
    pub surname: String,
    pub name: String,
    /// For an employee signing for a legal entity.
    pub org: Option<Organization>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub bin: String,
    pub name: String,
}

/// CRLReason (RFC 5280 §5.3.1), in its ASN.1 spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    Unspecified,
    KeyCompromise,
    #[serde(rename = "cACompromise", alias = "caCompromise")]
    CaCompromise,
    AffiliationChanged,
    Superseded,
    CessationOfOperation,
    CertificateHold,
    PrivilegeWithdrawn,
    #[serde(rename = "aACompromise", alias = "aaCompromise")]
    AaCompromise,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Unspecified => "unspecified",
            Reason::KeyCompromise => "keyCompromise",
            Reason::CaCompromise => "cACompromise",
            Reason::AffiliationChanged => "affiliationChanged",
            Reason::Superseded => "superseded",
            Reason::CessationOfOperation => "cessationOfOperation",
            Reason::CertificateHold => "certificateHold",
            Reason::PrivilegeWithdrawn => "privilegeWithdrawn",
            Reason::AaCompromise => "aACompromise",
        }
    }
}

/// The validity period asked for when issuing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validity {
    /// From an hour ago for a year.
    #[default]
    Good,
    /// Ended yesterday (issued two years ago).
    Expired,
    /// Starts in thirty days.
    NotYetValid,
}

impl Validity {
    pub fn as_str(self) -> &'static str {
        match self {
            Validity::Good => "good",
            Validity::Expired => "expired",
            Validity::NotYetValid => "not-yet-valid",
        }
    }

    pub(super) fn window(
        self,
        now: time::OffsetDateTime,
    ) -> (time::OffsetDateTime, time::OffsetDateTime) {
        let d = time::Duration::days;
        match self {
            Validity::Good => (now - time::Duration::hours(1), now + d(365)),
            Validity::Expired => (now - d(730), now - d(1)),
            Validity::NotYetValid => (now + d(30), now + d(395)),
        }
    }
}

/// The revocation status, as the OCSP responder answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Good,
    Revoked {
        at: chrono::DateTime<chrono::Utc>,
        reason: Option<Reason>,
    },
    /// Not issued by this CA.
    Unknown,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Good => "good",
            Status::Revoked { .. } => "revoked",
            Status::Unknown => "unknown",
        }
    }
}

/// A built-in sample certificate with its (test) key.
#[derive(Clone)]
pub struct Sample {
    pub name: String,
    /// Upper-case hex of the serial number.
    pub serial: String,
    pub subject: String,
    /// The IIN in the certificate's subject.
    pub iin: String,
    /// The IIN of the applicant this sample is meant to be handed to: the
    /// same as `iin` except for `iin-mismatch`.
    pub applicant_iin: String,
    pub bin: Option<String>,
    pub cert_pem: String,
    pub cert_der: Vec<u8>,
    pub key_pem: String,
    /// What the OCSP responder answers for it: `good` or `revoked`.
    pub expected_ocsp: &'static str,
    /// `valid`, `expired` or `not-yet-valid`, by the validity period.
    pub validity: &'static str,
}

impl std::fmt::Debug for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sample")
            .field("name", &self.name)
            .field("serial", &self.serial)
            .field("subject", &self.subject)
            .field("iin", &self.iin)
            .field("applicant_iin", &self.applicant_iin)
            .field("expected_ocsp", &self.expected_ocsp)
            .field("key_pem", &"[elided]")
            .finish()
    }
}

/// What `GET /certificates` lists for each certificate.
#[derive(Debug, Clone, Serialize)]
pub struct CertInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub serial: String,
    pub subject: String,
    pub iin: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bin: Option<String>,
    pub not_before: String,
    pub not_after: String,
    /// Revocation status: `good` or `revoked`.
    pub status: &'static str,
    /// `valid`, `expired` or `not-yet-valid` at the time of the call.
    pub validity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant_iin: Option<String>,
}

/// `POST /certificates`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueRequest {
    pub iin: String,
    pub surname: String,
    pub name: String,
    #[serde(default)]
    pub bin: Option<String>,
    /// The legal entity's name; looked up in the registry fixtures when only
    /// `bin` is given.
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub validity: Validity,
}

/// A certificate issued on request, with its key (returned once, not kept).
#[derive(Clone, Serialize)]
pub struct Issued {
    pub serial: String,
    pub subject: String,
    pub not_before: String,
    pub not_after: String,
    pub cert_pem: String,
    pub key_pem: String,
}

/// `manifest.json`, written by [`Pki::write_samples`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub ca: String,
    pub crl: String,
    pub ocsp_url: String,
    pub crl_url: String,
    pub samples: Vec<ManifestSample>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ManifestSample {
    pub name: String,
    pub serial: String,
    pub iin: String,
    pub applicant_iin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bin: Option<String>,
    pub subject: String,
    pub not_before: String,
    pub not_after: String,
    pub validity: String,
    /// `good` or `revoked`.
    pub expected_ocsp: String,
    pub cert: String,
    pub key: String,
}
