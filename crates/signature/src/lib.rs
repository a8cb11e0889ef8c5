//! CMS (PKCS#7) SignedData with ECDSA P-256 / SHA-256, the way Kazakh
//! e-government services sign requests with an EDS (ЭЦҚ / ЭЦП), and the OCSP
//! check of the signer's certificate.
//!
//! * [`sign`] makes an attached or detached SignedData (id-data content) with
//!   the signed attributes contentType, messageDigest and signingTime and the
//!   signer's certificate included.
//! * [`verify`] checks such a signature against a payload and a trusted CA
//!   and says who signed ([`Signer`]: subject, IIN, BIN, validity, signing
//!   time). It does not look at the clock or at revocation: the caller checks
//!   [`Signer::valid_at`] with its own clock and asks OCSP with
//!   [`ocsp_request`] / [`ocsp_status`].
//!
//! Certificates are taken as PEM or DER everywhere; keys as PKCS#8 (PEM or
//! DER) or SEC1 `EC PRIVATE KEY`. Only ECDSA P-256 keys are supported (the
//! RSA and GOST keys that NCA RK also issues are refused with
//! [`VerifyError::UnsupportedAlgorithm`]).

mod crypto;
mod error;
mod names;
mod ocsp;
mod sign;
mod verify;

#[cfg(test)]
mod test_pki;

use chrono::{DateTime, Utc};

pub use error::{SignError, VerifyError};
pub use names::serial_hex;
pub use ocsp::CertStatus;

/// Signs `payload` as CMS SignedData (id-data content, attached or
/// detached), with signed attributes contentType, messageDigest (SHA-256) and
/// signingTime, the signer's certificate included. Returns the DER of the
/// ContentInfo.
///
/// The key must be the certificate's (else [`SignError::KeyMismatch`]).
pub fn sign(
    payload: &[u8],
    cert_pem_or_der: &[u8],
    key_pkcs8_pem_or_der: &[u8],
    detached: bool,
) -> Result<Vec<u8>, SignError> {
    sign::sign(payload, cert_pem_or_der, key_pkcs8_pem_or_der, detached)
}

/// What a verified signature says about its signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// The signer's certificate (DER).
    pub certificate_der: Vec<u8>,
    /// Upper-case hex of the certificate serial, without leading zero octets.
    pub serial_hex: String,
    /// The subject in encoded order: `CN=…, SURNAME=…, GIVENNAME=…,
    /// SERIALNUMBER=IIN…, C=KZ[, O=…, OU=BIN…]`.
    pub subject: String,
    /// From `SERIALNUMBER=IIN<12 digits>` (OID 2.5.4.5).
    pub iin: Option<String>,
    /// From `OU=BIN<12 digits>` (OID 2.5.4.11): the legal entity the signer acts for.
    pub bin: Option<String>,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// The signingTime signed attribute, when present.
    pub signing_time: Option<DateTime<Utc>>,
}

impl Signer {
    /// Whether `now` is within the certificate's validity period (inclusive).
    pub fn valid_at(&self, now: DateTime<Utc>) -> bool {
        self.not_before <= now && now <= self.not_after
    }
}

/// Verifies a CMS SignedData over `payload` (for detached signatures; for
/// attached ones the encapsulated content must equal `payload`): the
/// messageDigest attribute, the ECDSA signature over the DER of the signed
/// attributes (re-encoded as a SET OF), and that the signer's certificate is
/// issued and signed by `ca` (issuer name and the certificate's signature
/// checked with the CA's public key).
///
/// It does NOT check validity dates or revocation: it returns the [`Signer`]
/// so the caller checks `not_before`/`not_after` against its own clock and
/// asks OCSP. Exactly one SignerInfo is supported. `cms_der` may also be PEM
/// (`CMS` or `PKCS7`).
pub fn verify(
    cms_der: &[u8],
    payload: &[u8],
    ca_cert_pem_or_der: &[u8],
) -> Result<Signer, VerifyError> {
    verify::verify(cms_der, payload, ca_cert_pem_or_der)
}

/// The encapsulated content of an attached signature (`None` for a detached
/// one), so a caller that got only the CMS can pass it to [`verify`]. Nothing
/// is verified here.
pub fn encapsulated_content(cms_der: &[u8]) -> Result<Option<Vec<u8>>, VerifyError> {
    verify::encapsulated_content(cms_der)
}

/// Builds an RFC 6960 OCSPRequest (DER) for `cert` issued by `issuer`: one
/// SHA-1 CertID and a random 16-byte nonce, unsigned. Both may be PEM or DER.
/// Fails when the input is not a certificate or `cert` does not name
/// `issuer` as its issuer.
pub fn ocsp_request(cert_der: &[u8], issuer_der: &[u8]) -> Result<Vec<u8>, VerifyError> {
    ocsp::request(cert_der, issuer_der)
}

/// Parses an OCSPResponse (DER), checks its signature with the issuer's key
/// (the responder is the CA itself) and returns the status it gives for
/// `cert` (matched by serial and issuer name/key hashes, SHA-1 or SHA-2).
///
/// It does not check thisUpdate/nextUpdate against a clock nor the nonce;
/// [`ocsp_status_for_request`] also checks the nonce.
pub fn ocsp_status(
    response_der: &[u8],
    cert_der: &[u8],
    issuer_der: &[u8],
) -> Result<CertStatus, VerifyError> {
    ocsp::status(response_der, cert_der, issuer_der)
}

/// [`ocsp_status`], and, when the request had a nonce, that the response
/// echoes it (a replayed response fails with
/// [`VerifyError::OcspNonceMismatch`]).
pub fn ocsp_status_for_request(
    response_der: &[u8],
    request_der: &[u8],
    cert_der: &[u8],
    issuer_der: &[u8],
) -> Result<CertStatus, VerifyError> {
    ocsp::status_for_request(response_der, request_der, cert_der, issuer_der)
}
