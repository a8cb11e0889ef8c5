//! Asking an OCSP responder (RFC 6960) about a certificate and reading its
//! answer. The responder is the CA itself: its BasicOCSPResponse must be
//! signed by the issuer's key (no delegated OCSP-signing certificates).

use crate::crypto::{self, oid_name};
use crate::error::VerifyError;
use crate::names;
use chrono::{DateTime, Utc};
use const_oid::db::rfc6960::ID_PKIX_OCSP_BASIC;
use der::{Decode, Encode};
use rand_core::OsRng;
use sha1::Sha1;
use x509_cert::Certificate;
use x509_ocsp::builder::OcspRequestBuilder;
use x509_ocsp::ext::Nonce;
use x509_ocsp::{BasicOcspResponse, OcspRequest, OcspResponse, OcspResponseStatus, Request};

/// Length of the random nonce put in requests.
const NONCE_LEN: usize = 16;

/// A certificate's revocation status as an OCSP responder states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertStatus {
    Good,
    Revoked {
        at: DateTime<Utc>,
    },
    /// The responder does not know the certificate.
    Unknown,
}

fn load_cert(bytes: &[u8]) -> Result<Certificate, VerifyError> {
    crypto::load_certificate(bytes)
        .map(|(c, _)| c)
        .map_err(|e| VerifyError::der("certificate", e))
}

/// See [`crate::ocsp_request`].
pub(crate) fn request(cert_der: &[u8], issuer_der: &[u8]) -> Result<Vec<u8>, VerifyError> {
    let cert = load_cert(cert_der)?;
    let (issuer, _) = crypto::load_ca(issuer_der)?;
    if cert.tbs_certificate.issuer != issuer.tbs_certificate.subject {
        return Err(VerifyError::NotIssuedByCa {
            issuer: names::name_text(&cert.tbs_certificate.issuer),
            ca: names::name_text(&issuer.tbs_certificate.subject),
        });
    }
    let build = |e: &dyn std::fmt::Display| VerifyError::der("OCSP request", e);
    let nonce = Nonce::generate(&mut OsRng, NONCE_LEN).map_err(|e| build(&e))?;
    OcspRequestBuilder::default()
        .with_request(Request::from_cert::<Sha1>(&issuer, &cert).map_err(|e| build(&e))?)
        .with_extension(nonce)
        .map_err(|e| build(&e))?
        .build()
        .to_der()
        .map_err(|e| build(&e))
}

/// See [`crate::ocsp_status`].
pub(crate) fn status(
    response_der: &[u8],
    cert_der: &[u8],
    issuer_der: &[u8],
) -> Result<CertStatus, VerifyError> {
    status_and_nonce(response_der, cert_der, issuer_der).map(|(s, _)| s)
}

/// See [`crate::ocsp_status_for_request`].
pub(crate) fn status_for_request(
    response_der: &[u8],
    request_der: &[u8],
    cert_der: &[u8],
    issuer_der: &[u8],
) -> Result<CertStatus, VerifyError> {
    let request =
        OcspRequest::from_der(request_der).map_err(|e| VerifyError::der("OCSP request", e))?;
    let (status, response_nonce) = status_and_nonce(response_der, cert_der, issuer_der)?;
    if let Some(sent) = request.nonce() {
        let sent = sent.0.as_bytes().to_vec();
        if response_nonce.as_deref() != Some(sent.as_slice()) {
            return Err(VerifyError::OcspNonceMismatch {
                request: crypto::hex(&sent),
                response: response_nonce.map_or_else(|| "(absent)".into(), |n| crypto::hex(&n)),
            });
        }
    }
    Ok(status)
}

fn status_name(status: OcspResponseStatus) -> &'static str {
    match status {
        OcspResponseStatus::Successful => "successful",
        OcspResponseStatus::MalformedRequest => "malformedRequest",
        OcspResponseStatus::InternalError => "internalError",
        OcspResponseStatus::TryLater => "tryLater",
        OcspResponseStatus::SigRequired => "sigRequired",
        OcspResponseStatus::Unauthorized => "unauthorized",
    }
}

/// The certificate's status and the response's nonce, after checking the
/// response's signature with the issuer's key.
fn status_and_nonce(
    response_der: &[u8],
    cert_der: &[u8],
    issuer_der: &[u8],
) -> Result<(CertStatus, Option<Vec<u8>>), VerifyError> {
    let cert = load_cert(cert_der)?;
    let (issuer, _) = crypto::load_ca(issuer_der)?;

    let response =
        OcspResponse::from_der(response_der).map_err(|e| VerifyError::der("OCSP response", e))?;
    if response.response_status != OcspResponseStatus::Successful {
        return Err(VerifyError::OcspNotSuccessful(
            status_name(response.response_status).into(),
        ));
    }
    let bytes = response
        .response_bytes
        .ok_or_else(|| VerifyError::der("OCSP response", "successful but no responseBytes"))?;
    if bytes.response_type != ID_PKIX_OCSP_BASIC {
        return Err(VerifyError::OcspUnsupportedResponseType(oid_name(
            &bytes.response_type,
        )));
    }
    let basic_der = bytes.response.as_bytes();
    let basic = BasicOcspResponse::from_der(basic_der)
        .map_err(|e| VerifyError::der("BasicOCSPResponse", e))?;

    let key = crypto::p256_key(&issuer.tbs_certificate.subject_public_key_info)?;
    let hash = crypto::ecdsa_hash(&basic.signature_algorithm, None)?;
    let tbs =
        crypto::signed_part(basic_der).map_err(|e| VerifyError::der("BasicOCSPResponse", e))?;
    let signature = basic.signature.as_bytes().ok_or_else(|| {
        VerifyError::BadEncoding("OCSP signature BIT STRING has unused bits".into())
    })?;
    if !crypto::ecdsa_verify(&key, &hash, tbs, signature)? {
        return Err(VerifyError::OcspBadSignature);
    }

    let issuer_name = issuer
        .tbs_certificate
        .subject
        .to_der()
        .map_err(|e| VerifyError::der("issuer certificate", e))?;
    let issuer_key = issuer
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .raw_bytes();
    let serial = &cert.tbs_certificate.serial_number;

    let single = basic.tbs_response_data.responses.iter().find(|single| {
        let id = &single.cert_id;
        let alg = &id.hash_algorithm.oid;
        id.serial_number == *serial
            && crypto::digest(alg, &issuer_name).as_deref() == Some(id.issuer_name_hash.as_bytes())
            && crypto::digest(alg, issuer_key).as_deref() == Some(id.issuer_key_hash.as_bytes())
    });
    let Some(single) = single else {
        return Err(VerifyError::OcspNoStatus(names::serial_hex(
            serial.as_bytes(),
        )));
    };
    let status = match &single.cert_status {
        x509_ocsp::CertStatus::Good(_) => CertStatus::Good,
        x509_ocsp::CertStatus::Unknown(_) => CertStatus::Unknown,
        x509_ocsp::CertStatus::Revoked(info) => CertStatus::Revoked {
            at: names::unix_to_chrono(info.revocation_time.0.to_unix_duration()),
        },
    };
    let nonce = basic.nonce().map(|n| n.0.as_bytes().to_vec());
    Ok((status, nonce))
}
