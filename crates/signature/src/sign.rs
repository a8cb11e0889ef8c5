//! Producing CMS SignedData with the RustCrypto `cms` builder.

use crate::crypto::{self, ID_SHA256};
use crate::error::SignError;
use cms::builder::{create_signing_time_attribute, SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use const_oid::db::rfc5911::ID_DATA;
use der::{Any, Encode, Tag};
use p256::ecdsa::{DerSignature, SigningKey};
use p256::pkcs8::DecodePrivateKey;
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;

/// See [`crate::sign`].
pub(crate) fn sign(
    payload: &[u8],
    cert_pem_or_der: &[u8],
    key_pkcs8_pem_or_der: &[u8],
    detached: bool,
) -> Result<Vec<u8>, SignError> {
    let (cert, _) = crypto::load_certificate(cert_pem_or_der).map_err(SignError::BadCertificate)?;
    let key = load_key(key_pkcs8_pem_or_der)?;

    let cert_key = crypto::p256_key(&cert.tbs_certificate.subject_public_key_info)
        .map_err(|e| SignError::UnsupportedCertificate(e.to_string()))?;
    if &cert_key != key.verifying_key() {
        return Err(SignError::KeyMismatch);
    }

    let build = |e: &dyn std::fmt::Display| SignError::Build(e.to_string());
    let content = if detached {
        None
    } else {
        Some(Any::new(Tag::OctetString, payload).map_err(|e| build(&e))?)
    };
    let encapsulated = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: content,
    };
    // For detached content the builder takes the digest from outside.
    let external_digest = sha2::Sha256::digest(payload);
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    });

    let mut signer_info = SignerInfoBuilder::new(
        &key,
        sid,
        sha256.clone(),
        &encapsulated,
        detached.then_some(external_digest.as_slice()),
    )
    .map_err(|e| build(&e))?;
    // contentType and messageDigest are added by the builder.
    signer_info
        .add_signed_attribute(create_signing_time_attribute().map_err(|e| build(&e))?)
        .map_err(|e| build(&e))?;

    let mut signed_data = SignedDataBuilder::new(&encapsulated);
    signed_data
        .add_digest_algorithm(sha256)
        .map_err(|e| build(&e))?
        .add_certificate(CertificateChoices::Certificate(cert))
        .map_err(|e| build(&e))?
        .add_signer_info::<SigningKey, DerSignature>(signer_info)
        .map_err(|e| build(&e))?;
    let content_info = signed_data.build().map_err(|e| build(&e))?;
    content_info.to_der().map_err(|e| build(&e))
}

/// A P-256 private key from PKCS#8 (PEM `PRIVATE KEY` or DER) or SEC1
/// (PEM `EC PRIVATE KEY` or DER).
fn load_key(bytes: &[u8]) -> Result<SigningKey, SignError> {
    if crypto::is_pem(bytes) {
        if let Ok(der) = crypto::pem_or_der(bytes, &["PRIVATE KEY"]) {
            return SigningKey::from_pkcs8_der(&der)
                .map_err(|e| SignError::BadKey(format!("PKCS#8: {e}")));
        }
        if let Ok(der) = crypto::pem_or_der(bytes, &["EC PRIVATE KEY"]) {
            return p256::SecretKey::from_sec1_der(&der)
                .map(SigningKey::from)
                .map_err(|e| SignError::BadKey(format!("SEC1: {e}")));
        }
        let found = crypto::pem_or_der(bytes, &["PRIVATE KEY", "EC PRIVATE KEY"])
            .err()
            .unwrap_or_default();
        return Err(SignError::BadKey(format!(
            "{found} (encrypted keys are not supported)"
        )));
    }
    SigningKey::from_pkcs8_der(bytes)
        .or_else(|pkcs8| {
            p256::SecretKey::from_sec1_der(bytes)
                .map(SigningKey::from)
                .map_err(|_| pkcs8)
        })
        .map_err(|e| SignError::BadKey(format!("neither PKCS#8 nor SEC1 DER: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pki::TestCa;

    #[test]
    fn key_of_another_certificate_is_refused() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let a = ca.issue(false, &[1]);
        let b = ca.issue(false, &[2]);
        let err = sign(b"x", a.cert_pem.as_bytes(), b.key_pem.as_bytes(), true).unwrap_err();
        assert!(matches!(err, SignError::KeyMismatch), "{err}");
    }

    #[test]
    fn bad_inputs_say_what_is_wrong() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let a = ca.issue(false, &[1]);
        let err = sign(b"x", b"junk", a.key_pem.as_bytes(), true).unwrap_err();
        assert!(matches!(err, SignError::BadCertificate(_)), "{err}");
        let err = sign(b"x", a.cert_pem.as_bytes(), b"junk", true).unwrap_err();
        assert!(matches!(err, SignError::BadKey(_)), "{err}");
        let err = sign(b"x", a.cert_pem.as_bytes(), a.cert_pem.as_bytes(), true).unwrap_err();
        assert!(err.to_string().contains("no PEM block labelled"), "{err}");
    }

    #[test]
    fn sec1_keys_are_accepted() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let a = ca.issue(false, &[1]);
        let secret = p256::SecretKey::from_pkcs8_der(&a.key_der).unwrap();
        let der = secret.to_sec1_der().unwrap();
        sign(b"x", &a.cert_der, &der, true).expect("SEC1 DER");
        let pem = secret.to_sec1_pem(p256::pkcs8::LineEnding::LF).unwrap();
        sign(b"x", &a.cert_der, pem.as_bytes(), true).expect("SEC1 PEM");
    }
}
