//! What can go wrong when signing, verifying or asking OCSP.

use thiserror::Error;

/// Why [`crate::sign`] could not produce a signature.
#[derive(Debug, Error)]
pub enum SignError {
    /// The certificate is neither a PEM `CERTIFICATE` nor a DER X.509 certificate.
    #[error("the signer certificate cannot be read: {0}")]
    BadCertificate(String),
    /// The key is neither PKCS#8 (PEM or DER) nor SEC1 `EC PRIVATE KEY`, or not a P-256 key.
    #[error("the private key cannot be read as a P-256 PKCS#8 key: {0}")]
    BadKey(String),
    /// The certificate's public key is not an ECDSA P-256 key.
    #[error("unsupported signer certificate: {0}")]
    UnsupportedCertificate(String),
    /// The private key does not belong to the certificate.
    #[error("the private key does not match the public key of the signer certificate")]
    KeyMismatch,
    /// The CMS builder failed (encoding or signing).
    #[error("building the CMS SignedData failed: {0}")]
    Build(String),
}

/// Why a signature, certificate or OCSP response was not accepted.
#[derive(Debug, Error)]
pub enum VerifyError {
    /// Input that is not valid DER (or PEM) for the structure expected.
    #[error("malformed {what}: {detail}")]
    BadDer {
        /// Which structure was being read (`CMS ContentInfo`, `CA certificate`, …).
        what: &'static str,
        detail: String,
    },
    /// The ContentInfo does not carry signedData.
    #[error("the CMS ContentInfo has content type {0}, not signedData (1.2.840.113549.1.7.2)")]
    NotSignedData(String),
    /// The encapsulated content is not id-data.
    #[error("the encapsulated content type is {0}, not id-data (1.2.840.113549.1.7.1)")]
    UnsupportedContentType(String),
    /// An attached signature whose content differs from the payload given.
    #[error("the signature's encapsulated content ({attached} bytes) differs from the payload ({payload} bytes)")]
    ContentMismatch { attached: usize, payload: usize },
    /// Only one SignerInfo is supported.
    #[error("the SignedData has {0} signer infos; exactly one signer is supported")]
    SignerCount(usize),
    /// The certificate the SignerInfo names is not in the SignedData.
    #[error("no signer certificate: the SignedData does not contain the certificate named by the SignerInfo ({0})")]
    NoSignerCertificate(String),
    /// A digest, signature or public-key algorithm this crate does not handle.
    #[error("unsupported {what} algorithm {oid}")]
    UnsupportedAlgorithm {
        /// `digest`, `signature`, `public key`, `curve`, …
        what: &'static str,
        oid: String,
    },
    /// A signed attribute that must be present is not.
    #[error("the signed attributes lack {0}")]
    MissingAttribute(&'static str),
    /// A signed attribute that is present but malformed.
    #[error("bad signed attribute {name}: {detail}")]
    BadAttribute { name: &'static str, detail: String },
    /// The contentType attribute differs from the encapsulated content type.
    #[error("the contentType attribute ({attribute}) differs from the encapsulated content type ({encapsulated})")]
    ContentTypeMismatch {
        attribute: String,
        encapsulated: String,
    },
    /// The messageDigest attribute is not the digest of the payload.
    #[error("digest mismatch: the messageDigest attribute is {signed} but the payload's digest is {actual}")]
    DigestMismatch {
        /// Hex of the messageDigest attribute.
        signed: String,
        /// Hex of the digest of the payload given.
        actual: String,
    },
    /// The ECDSA signature over the signed attributes (or content) does not verify.
    #[error("bad signature: the ECDSA signature does not verify with the signer certificate's public key")]
    BadSignature,
    /// The signer's certificate names another issuer than the CA.
    #[error("the signer certificate is not issued by this CA: its issuer is `{issuer}`, the CA is `{ca}`")]
    NotIssuedByCa { issuer: String, ca: String },
    /// The issuer name matches but the CA's key does not verify the certificate's signature.
    #[error("the signer certificate is not signed by this CA: its signature does not verify with the CA's public key (issuer name `{0}` matches)")]
    BadCertificateSignature(String),
    /// A public key or signature value that cannot be read.
    #[error("bad key or signature encoding: {0}")]
    BadEncoding(String),
    /// The OCSP responder did not answer `successful`.
    #[error("the OCSP response status is {0}, not successful")]
    OcspNotSuccessful(String),
    /// The OCSP response is not a BasicOCSPResponse.
    #[error("the OCSP response type is {0}, not id-pkix-ocsp-basic (1.3.6.1.5.5.7.48.1.1)")]
    OcspUnsupportedResponseType(String),
    /// The OCSP response's signature does not verify with the issuer's key.
    #[error("bad OCSP response signature: it does not verify with the issuer's public key (delegated responders are not supported)")]
    OcspBadSignature,
    /// The OCSP response says nothing about the certificate asked about.
    #[error("the OCSP response has no status for certificate serial {0} of this issuer")]
    OcspNoStatus(String),
    /// The OCSP response does not echo the request's nonce.
    #[error("the OCSP response nonce {response} does not match the request nonce {request}")]
    OcspNonceMismatch { request: String, response: String },
}

impl VerifyError {
    pub(crate) fn der(what: &'static str, e: impl std::fmt::Display) -> VerifyError {
        VerifyError::BadDer {
            what,
            detail: e.to_string(),
        }
    }
}
