//! The OCSP responder (RFC 6960): parses a DER OCSPRequest and answers a
//! BasicOCSPResponse signed by the CA key (the CA answers for itself, no
//! delegated responder), responderID by name, the CA certificate in `certs`,
//! the request's nonce echoed.

use super::{Pki, Reason, Status, OCSP_NEXT_UPDATE};
use der::asn1::{GeneralizedTime, ObjectIdentifier};
use der::{Decode, Encode};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::DerSignature;
use p256::pkcs8::spki::{DynSignatureAlgorithmIdentifier, SignatureBitStringEncoding};
use sha1::Digest;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use x509_cert::ext::pkix::CrlReason;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspGeneralizedTime, OcspRequest, OcspResponse,
    ResponderId, ResponseData, RevokedInfo, SingleResponse, Version,
};

const ID_PKIX_OCSP_NONCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.2");
const ID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const ID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// One certificate asked about in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspCheck {
    /// Upper-case hex of the serial asked about.
    pub serial: String,
    /// `good`, `revoked` or `unknown`.
    pub status: &'static str,
    /// The certificate holder's IIN, when the certificate is ours.
    pub iin: Option<String>,
    /// The CertID hash algorithm (`sha1`, `sha256`, …, or the OID).
    pub hash: String,
    /// False when the CertID's issuer hashes are not this CA's.
    pub our_issuer: bool,
}

/// The responder's answer to one request.
#[derive(Debug, Clone)]
pub struct OcspAnswer {
    /// The DER OCSPResponse.
    pub der: Vec<u8>,
    /// `successful`, `malformedRequest` or `internalError`.
    pub response_status: &'static str,
    pub checks: Vec<OcspCheck>,
    pub nonce: bool,
}

impl OcspAnswer {
    fn bare(response: OcspResponse, status: &'static str) -> OcspAnswer {
        OcspAnswer {
            der: response.to_der().unwrap_or_default(),
            response_status: status,
            checks: Vec::new(),
            nonce: false,
        }
    }
}

pub(super) fn respond(pki: &Pki, body: &[u8]) -> OcspAnswer {
    let request = match OcspRequest::from_der(body) {
        Ok(r) if !r.tbs_request.request_list.is_empty() => r,
        _ => return OcspAnswer::bare(OcspResponse::malformed_request(), "malformedRequest"),
    };
    match answer(pki, &request) {
        Ok(a) => a,
        Err(_) => OcspAnswer::bare(OcspResponse::internal_error(), "internalError"),
    }
}

fn answer(pki: &Pki, request: &OcspRequest) -> Result<OcspAnswer, String> {
    let ca = &pki.inner.ca;
    let subject_der = ca
        .cert
        .tbs_certificate
        .subject
        .to_der()
        .map_err(|e| e.to_string())?;
    let key_bits = ca
        .cert
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();

    let now = unix_now();
    let this_update = time_at(now)?;
    let next_update = time_at(now + OCSP_NEXT_UPDATE)?;

    let mut checks = Vec::new();
    let mut responses = Vec::new();
    for single in &request.tbs_request.request_list {
        let id = &single.req_cert;
        let our_issuer = issued_by_us(id, &subject_der, key_bits);
        let serial = super::hex(strip_zeros(id.serial_number.as_bytes()));
        let status = if our_issuer {
            pki.status_hex(&serial)
        } else {
            Status::Unknown
        };
        let cert_status = match &status {
            Status::Good => CertStatus::good(),
            Status::Unknown => CertStatus::unknown(),
            Status::Revoked { at, reason } => CertStatus::revoked(RevokedInfo {
                revocation_time: time_at(Duration::from_secs(at.timestamp().max(0) as u64))?,
                revocation_reason: reason.map(crl_reason),
            }),
        };
        checks.push(OcspCheck {
            iin: if our_issuer && status != Status::Unknown {
                pki.iin_of(&serial)
            } else {
                None
            },
            serial,
            status: status.as_str(),
            hash: hash_name(&id.hash_algorithm.oid),
            our_issuer,
        });
        responses.push(SingleResponse {
            cert_id: id.clone(),
            cert_status,
            this_update,
            next_update: Some(next_update),
            single_extensions: None,
        });
    }

    let nonce = request
        .tbs_request
        .request_extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == ID_PKIX_OCSP_NONCE)
        .cloned()
        .map(|mut e| {
            e.critical = false;
            e
        });
    let has_nonce = nonce.is_some();
    let data = ResponseData {
        version: Version::V1,
        responder_id: ResponderId::ByName(ca.cert.tbs_certificate.subject.clone()),
        produced_at: this_update,
        responses,
        response_extensions: nonce.map(|e| vec![e]),
    };
    let tbs = data.to_der().map_err(|e| e.to_string())?;
    let signer = &ca.ocsp_signer;
    let signature_algorithm = signer
        .signature_algorithm_identifier()
        .map_err(|e| e.to_string())?;
    let signature: DerSignature = signer.try_sign(&tbs).map_err(|e| e.to_string())?;
    let basic = BasicOcspResponse {
        tbs_response_data: data,
        signature_algorithm,
        signature: signature.to_bitstring().map_err(|e| e.to_string())?,
        certs: Some(vec![ca.cert.clone()]),
    };
    let der = OcspResponse::successful(basic)
        .and_then(|r| r.to_der())
        .map_err(|e| e.to_string())?;
    Ok(OcspAnswer {
        der,
        response_status: "successful",
        checks,
        nonce: has_nonce,
    })
}

/// Whether the CertID's issuerNameHash and issuerKeyHash are this CA's,
/// under the hash algorithm the CertID names.
fn issued_by_us(id: &CertId, subject_der: &[u8], key_bits: &[u8]) -> bool {
    let (Some(name), Some(key)) = (
        digest(&id.hash_algorithm.oid, subject_der),
        digest(&id.hash_algorithm.oid, key_bits),
    ) else {
        return false;
    };
    id.issuer_name_hash.as_bytes() == name.as_slice()
        && id.issuer_key_hash.as_bytes() == key.as_slice()
}

fn digest(oid: &ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    Some(match *oid {
        ID_SHA1 => sha1::Sha1::digest(data).to_vec(),
        ID_SHA256 => sha2::Sha256::digest(data).to_vec(),
        ID_SHA384 => sha2::Sha384::digest(data).to_vec(),
        ID_SHA512 => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

fn hash_name(oid: &ObjectIdentifier) -> String {
    match *oid {
        ID_SHA1 => "sha1".into(),
        ID_SHA256 => "sha256".into(),
        ID_SHA384 => "sha384".into(),
        ID_SHA512 => "sha512".into(),
        other => other.to_string(),
    }
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    if first == bytes.len() {
        &bytes[bytes.len().saturating_sub(1)..]
    } else {
        &bytes[first..]
    }
}

fn unix_now() -> Duration {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Duration::from_secs(d.as_secs())
}

fn time_at(since_epoch: Duration) -> Result<OcspGeneralizedTime, String> {
    GeneralizedTime::from_unix_duration(since_epoch)
        .map(OcspGeneralizedTime)
        .map_err(|e| e.to_string())
}

fn crl_reason(r: Reason) -> CrlReason {
    match r {
        Reason::Unspecified => CrlReason::Unspecified,
        Reason::KeyCompromise => CrlReason::KeyCompromise,
        Reason::CaCompromise => CrlReason::CaCompromise,
        Reason::AffiliationChanged => CrlReason::AffiliationChanged,
        Reason::Superseded => CrlReason::Superseded,
        Reason::CessationOfOperation => CrlReason::CessationOfOperation,
        Reason::CertificateHold => CrlReason::CertificateHold,
        Reason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
        Reason::AaCompromise => CrlReason::AaCompromise,
    }
}
