//! Shared plumbing: reading PEM or DER input, digests by OID, and ECDSA
//! verification of a DER signature with a key taken from a certificate.

use crate::error::VerifyError;
use der::asn1::ObjectIdentifier;
use der::{Decode, Reader, SliceReader};
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::Certificate;

pub(crate) const ID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
pub(crate) const ID_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
pub(crate) const ID_SHA384: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
pub(crate) const ID_SHA512: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
pub(crate) const ID_EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(crate) const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
pub(crate) const ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
pub(crate) const ECDSA_WITH_SHA384: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
pub(crate) const ECDSA_WITH_SHA512: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");

/// Whether `bytes` look like PEM (possibly after leading whitespace).
pub(crate) fn is_pem(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"-----BEGIN ")
}

/// The DER inside the first PEM block of `bytes` whose label is one of
/// `labels`, or `bytes` itself when it is not PEM.
pub(crate) fn pem_or_der(bytes: &[u8], labels: &[&str]) -> Result<Vec<u8>, String> {
    if !is_pem(bytes) {
        return Ok(bytes.to_vec());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "PEM input is not UTF-8".to_string())?;
    let mut rest = text;
    let mut seen = Vec::new();
    while let Some(begin) = rest.find("-----BEGIN ") {
        let block = &rest[begin..];
        let label_end = block[11..]
            .find("-----")
            .ok_or("unterminated PEM BEGIN line")?;
        let label = &block[11..11 + label_end];
        let end_marker = format!("-----END {label}-----");
        let end = block
            .find(&end_marker)
            .ok_or_else(|| format!("PEM block {label} has no END line"))?;
        let whole = &block[..end + end_marker.len()];
        if labels.contains(&label) {
            let (_, der) = der::pem::decode_vec(whole.as_bytes())
                .map_err(|e| format!("PEM block {label}: {e}"))?;
            return Ok(der);
        }
        seen.push(label.to_string());
        rest = &block[end + end_marker.len()..];
    }
    Err(format!(
        "no PEM block labelled {} (found: {})",
        labels.join(" or "),
        if seen.is_empty() {
            "none".to_string()
        } else {
            seen.join(", ")
        }
    ))
}

/// A certificate from PEM or DER, with its DER.
pub(crate) fn load_certificate(bytes: &[u8]) -> Result<(Certificate, Vec<u8>), String> {
    let der = pem_or_der(bytes, &["CERTIFICATE", "X509 CERTIFICATE"])?;
    let cert = Certificate::from_der(&der).map_err(|e| format!("not an X.509 certificate: {e}"))?;
    Ok((cert, der))
}

/// The CA certificate for verification.
pub(crate) fn load_ca(bytes: &[u8]) -> Result<(Certificate, Vec<u8>), VerifyError> {
    load_certificate(bytes).map_err(|e| VerifyError::der("CA certificate", e))
}

/// The DER of the first element of the outer SEQUENCE of `der`: the
/// `tbsCertificate` of a certificate, the `tbsResponseData` of a
/// BasicOCSPResponse, exactly as encoded (so a signature check does not
/// depend on re-encoding).
pub(crate) fn signed_part(der: &[u8]) -> der::Result<&[u8]> {
    let mut reader = SliceReader::new(der)?;
    let first = reader.sequence(|r| {
        let first = r.tlv_bytes()?;
        while !r.is_finished() {
            r.tlv_bytes()?;
        }
        Ok(first)
    })?;
    reader.finish(first)
}

/// `data` hashed with the digest algorithm `oid`, or `None` when unsupported.
pub(crate) fn digest(oid: &ObjectIdentifier, data: &[u8]) -> Option<Vec<u8>> {
    Some(match *oid {
        ID_SHA1 => sha1::Sha1::digest(data).to_vec(),
        ID_SHA256 => sha2::Sha256::digest(data).to_vec(),
        ID_SHA384 => sha2::Sha384::digest(data).to_vec(),
        ID_SHA512 => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    })
}

/// The digest algorithm of an ECDSA signature algorithm. A bare
/// `id-ecPublicKey` (which some CMS producers put in SignerInfo's
/// signatureAlgorithm) means "ECDSA with the SignerInfo's digest algorithm",
/// given as `fallback`.
pub(crate) fn ecdsa_hash(
    alg: &AlgorithmIdentifierOwned,
    fallback: Option<ObjectIdentifier>,
) -> Result<ObjectIdentifier, VerifyError> {
    match alg.oid {
        ECDSA_WITH_SHA256 => Ok(ID_SHA256),
        ECDSA_WITH_SHA384 => Ok(ID_SHA384),
        ECDSA_WITH_SHA512 => Ok(ID_SHA512),
        ID_EC_PUBLIC_KEY if fallback.is_some() => Ok(fallback.unwrap_or(ID_SHA256)),
        other => Err(VerifyError::UnsupportedAlgorithm {
            what: "signature",
            oid: oid_name(&other),
        }),
    }
}

/// The P-256 verifying key of a SubjectPublicKeyInfo.
pub(crate) fn p256_key(
    spki: &SubjectPublicKeyInfoOwned,
) -> Result<p256::ecdsa::VerifyingKey, VerifyError> {
    if spki.algorithm.oid != ID_EC_PUBLIC_KEY {
        return Err(VerifyError::UnsupportedAlgorithm {
            what: "public key",
            oid: oid_name(&spki.algorithm.oid),
        });
    }
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
    if curve != Some(SECP256R1) {
        return Err(VerifyError::UnsupportedAlgorithm {
            what: "elliptic curve",
            oid: curve.map_or_else(|| "(absent)".to_string(), |c| oid_name(&c)),
        });
    }
    p256::ecdsa::VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes())
        .map_err(|e| VerifyError::BadEncoding(format!("P-256 public key: {e}")))
}

/// Verifies a DER-encoded ECDSA signature over `message` hashed with `hash`.
/// `Ok(false)` means a well-formed signature that does not verify.
pub(crate) fn ecdsa_verify(
    key: &p256::ecdsa::VerifyingKey,
    hash: &ObjectIdentifier,
    message: &[u8],
    signature_der: &[u8],
) -> Result<bool, VerifyError> {
    let prehash = digest(hash, message).ok_or_else(|| VerifyError::UnsupportedAlgorithm {
        what: "digest",
        oid: oid_name(hash),
    })?;
    let signature = p256::ecdsa::Signature::from_der(signature_der)
        .map_err(|e| VerifyError::BadEncoding(format!("ECDSA signature: {e}")))?;
    Ok(key.verify_prehash(&prehash, &signature).is_ok())
}

/// A readable name for the OIDs this crate meets, else the dotted form.
pub(crate) fn oid_name(oid: &ObjectIdentifier) -> String {
    let name = match *oid {
        ID_SHA1 => "sha1",
        ID_SHA256 => "sha256",
        ID_SHA384 => "sha384",
        ID_SHA512 => "sha512",
        ID_EC_PUBLIC_KEY => "id-ecPublicKey",
        SECP256R1 => "secp256r1",
        ECDSA_WITH_SHA256 => "ecdsa-with-SHA256",
        ECDSA_WITH_SHA384 => "ecdsa-with-SHA384",
        ECDSA_WITH_SHA512 => "ecdsa-with-SHA512",
        _ => match oid.to_string().as_str() {
            "1.2.840.113549.1.1.1" => "rsaEncryption",
            "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
            _ => return oid.to_string(),
        },
    };
    format!("{name} ({oid})")
}

/// Upper-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}
