//! Checking CMS SignedData: content, messageDigest, the ECDSA signature over
//! the signed attributes, and that the signer's certificate is the CA's.

use crate::crypto::{self, oid_name, ID_SHA256, ID_SHA384, ID_SHA512};
use crate::error::VerifyError;
use crate::names;
use crate::Signer;
use chrono::{DateTime, Utc};
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use const_oid::db::rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER;
use const_oid::db::rfc5911::{
    ID_CONTENT_TYPE, ID_DATA, ID_MESSAGE_DIGEST, ID_SIGNED_DATA, ID_SIGNING_TIME,
};
use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode, Tag, Tagged};
use x509_cert::attr::Attribute;
use x509_cert::time::Time;
use x509_cert::Certificate;

/// See [`crate::verify`].
pub(crate) fn verify(
    cms_der: &[u8],
    payload: &[u8],
    ca_cert_pem_or_der: &[u8],
) -> Result<Signer, VerifyError> {
    let (ca, _) = crypto::load_ca(ca_cert_pem_or_der)?;
    let signed = signed_data(cms_der)?;

    let encapsulated = &signed.encap_content_info;
    if encapsulated.econtent_type != ID_DATA {
        return Err(VerifyError::UnsupportedContentType(oid_name(
            &encapsulated.econtent_type,
        )));
    }
    if let Some(content) = &encapsulated.econtent {
        let attached = octets(content)?;
        if attached != payload {
            return Err(VerifyError::ContentMismatch {
                attached: attached.len(),
                payload: payload.len(),
            });
        }
    }

    let infos = signed.signer_infos.0.as_slice();
    let [info] = infos else {
        return Err(VerifyError::SignerCount(infos.len()));
    };
    let cert = signer_certificate(&signed, &info.sid)?;

    let digest_oid = info.digest_alg.oid;
    if ![ID_SHA256, ID_SHA384, ID_SHA512].contains(&digest_oid) {
        return Err(VerifyError::UnsupportedAlgorithm {
            what: "digest",
            oid: oid_name(&digest_oid),
        });
    }
    let key = crypto::p256_key(&cert.tbs_certificate.subject_public_key_info)?;
    let hash = crypto::ecdsa_hash(&info.signature_algorithm, Some(digest_oid))?;

    let (signed_bytes, signing_time) = match &info.signed_attrs {
        Some(attrs) => {
            let signing_time = check_signed_attributes(info, &encapsulated.econtent_type, payload)?;
            // The signature is over the DER of the attributes as a SET OF
            // (tag 0x31), not over the [0] IMPLICIT form they travel in.
            let der = attrs
                .to_der()
                .map_err(|e| VerifyError::der("signed attributes", e))?;
            (der, signing_time)
        }
        // Without signed attributes the signature is over the content itself.
        None => (payload.to_vec(), None),
    };
    if !crypto::ecdsa_verify(&key, &hash, &signed_bytes, info.signature.as_bytes())? {
        return Err(VerifyError::BadSignature);
    }

    check_issued_by(cert, &ca)?;
    signer_of(cert, signing_time)
}

/// The encapsulated content of an attached signature, `None` when detached.
pub(crate) fn encapsulated_content(cms_der: &[u8]) -> Result<Option<Vec<u8>>, VerifyError> {
    let signed = signed_data(cms_der)?;
    signed
        .encap_content_info
        .econtent
        .as_ref()
        .map(|c| octets(c).map(<[u8]>::to_vec))
        .transpose()
}

/// The SignedData of a DER (or PEM `CMS`/`PKCS7`) ContentInfo.
fn signed_data(cms_der: &[u8]) -> Result<SignedData, VerifyError> {
    let der = crypto::pem_or_der(cms_der, &["CMS", "PKCS7", "SIGNED MESSAGE"])
        .map_err(|e| VerifyError::der("CMS ContentInfo", e))?;
    let info = ContentInfo::from_der(&der).map_err(|e| VerifyError::der("CMS ContentInfo", e))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(VerifyError::NotSignedData(oid_name(&info.content_type)));
    }
    info.content
        .decode_as::<SignedData>()
        .map_err(|e| VerifyError::der("CMS SignedData", e))
}

/// The octets of the eContent OCTET STRING.
fn octets(content: &Any) -> Result<&[u8], VerifyError> {
    if content.tag() != Tag::OctetString {
        return Err(VerifyError::der(
            "encapsulated content",
            format!("eContent is {}, not an OCTET STRING", content.tag()),
        ));
    }
    Ok(content.value())
}

/// The certificate in the SignedData that `sid` names.
fn signer_certificate<'a>(
    signed: &'a SignedData,
    sid: &SignerIdentifier,
) -> Result<&'a Certificate, VerifyError> {
    let certs = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c),
            CertificateChoices::Other(_) => None,
        });
    let mut found = None;
    for cert in certs {
        let matches = match sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => {
                cert.tbs_certificate.issuer == id.issuer
                    && cert.tbs_certificate.serial_number == id.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => {
                subject_key_identifier(cert).is_some_and(|own| own == ski.0)
            }
        };
        if matches {
            found = Some(cert);
            break;
        }
    }
    found.ok_or_else(|| {
        VerifyError::NoSignerCertificate(match sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => format!(
                "issuer `{}`, serial {}",
                names::name_text(&id.issuer),
                names::serial_hex(id.serial_number.as_bytes())
            ),
            SignerIdentifier::SubjectKeyIdentifier(ski) => {
                format!("subjectKeyIdentifier {}", crypto::hex(ski.0.as_bytes()))
            }
        })
    })
}

fn subject_key_identifier(cert: &Certificate) -> Option<OctetString> {
    cert.tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == ID_CE_SUBJECT_KEY_IDENTIFIER)
        .and_then(|e| OctetString::from_der(e.extn_value.as_bytes()).ok())
}

/// The one value of the signed attribute `oid`, `None` when absent.
fn single_value<'a>(
    attrs: &'a [Attribute],
    oid: ObjectIdentifier,
    name: &'static str,
) -> Result<Option<&'a Any>, VerifyError> {
    let mut matching = attrs.iter().filter(|a| a.oid == oid);
    let Some(attr) = matching.next() else {
        return Ok(None);
    };
    if matching.next().is_some() {
        return Err(VerifyError::BadAttribute {
            name,
            detail: "the attribute appears more than once".into(),
        });
    }
    match attr.values.as_slice() {
        [value] => Ok(Some(value)),
        values => Err(VerifyError::BadAttribute {
            name,
            detail: format!("{} values instead of exactly one", values.len()),
        }),
    }
}

/// Checks contentType and messageDigest against the content; returns the
/// signingTime when there is one.
fn check_signed_attributes(
    info: &SignerInfo,
    content_type: &ObjectIdentifier,
    payload: &[u8],
) -> Result<Option<DateTime<Utc>>, VerifyError> {
    let attrs = info.signed_attrs.as_ref().map_or(&[][..], |a| a.as_slice());

    let ct = single_value(attrs, ID_CONTENT_TYPE, "contentType")?
        .ok_or(VerifyError::MissingAttribute("contentType"))?;
    let ct = ct
        .decode_as::<ObjectIdentifier>()
        .map_err(|e| VerifyError::BadAttribute {
            name: "contentType",
            detail: e.to_string(),
        })?;
    if ct != *content_type {
        return Err(VerifyError::ContentTypeMismatch {
            attribute: oid_name(&ct),
            encapsulated: oid_name(content_type),
        });
    }

    let md = single_value(attrs, ID_MESSAGE_DIGEST, "messageDigest")?
        .ok_or(VerifyError::MissingAttribute("messageDigest"))?;
    if md.tag() != Tag::OctetString {
        return Err(VerifyError::BadAttribute {
            name: "messageDigest",
            detail: format!("{}, not an OCTET STRING", md.tag()),
        });
    }
    let actual = crypto::digest(&info.digest_alg.oid, payload).ok_or_else(|| {
        VerifyError::UnsupportedAlgorithm {
            what: "digest",
            oid: oid_name(&info.digest_alg.oid),
        }
    })?;
    if md.value() != actual.as_slice() {
        return Err(VerifyError::DigestMismatch {
            signed: crypto::hex(md.value()),
            actual: crypto::hex(&actual),
        });
    }

    single_value(attrs, ID_SIGNING_TIME, "signingTime")?
        .map(|value| {
            let der = value.to_der().map_err(|e| VerifyError::BadAttribute {
                name: "signingTime",
                detail: e.to_string(),
            })?;
            Time::from_der(&der)
                .map(|t| names::chrono_time(&t))
                .map_err(|e| VerifyError::BadAttribute {
                    name: "signingTime",
                    detail: e.to_string(),
                })
        })
        .transpose()
}

/// That `cert` names `ca` as its issuer and carries a signature by the CA's key.
pub(crate) fn check_issued_by(cert: &Certificate, ca: &Certificate) -> Result<(), VerifyError> {
    if cert.tbs_certificate.issuer != ca.tbs_certificate.subject {
        return Err(VerifyError::NotIssuedByCa {
            issuer: names::name_text(&cert.tbs_certificate.issuer),
            ca: names::name_text(&ca.tbs_certificate.subject),
        });
    }
    let ca_key = crypto::p256_key(&ca.tbs_certificate.subject_public_key_info)?;
    let hash = crypto::ecdsa_hash(&cert.signature_algorithm, None)?;
    let der = cert
        .to_der()
        .map_err(|e| VerifyError::der("signer certificate", e))?;
    let tbs = crypto::signed_part(&der).map_err(|e| VerifyError::der("signer certificate", e))?;
    let signature = cert.signature.as_bytes().ok_or_else(|| {
        VerifyError::BadEncoding("certificate signature BIT STRING has unused bits".into())
    })?;
    if !crypto::ecdsa_verify(&ca_key, &hash, tbs, signature)? {
        return Err(VerifyError::BadCertificateSignature(names::name_text(
            &cert.tbs_certificate.issuer,
        )));
    }
    Ok(())
}

/// What the certificate says about its holder.
fn signer_of(
    cert: &Certificate,
    signing_time: Option<DateTime<Utc>>,
) -> Result<Signer, VerifyError> {
    let tbs = &cert.tbs_certificate;
    Ok(Signer {
        certificate_der: cert
            .to_der()
            .map_err(|e| VerifyError::der("signer certificate", e))?,
        serial_hex: names::serial_hex(tbs.serial_number.as_bytes()),
        subject: names::name_text(&tbs.subject),
        iin: names::iin(&tbs.subject),
        bin: names::bin(&tbs.subject),
        not_before: names::chrono_time(&tbs.validity.not_before),
        not_after: names::chrono_time(&tbs.validity.not_after),
        signing_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pki::{TestCa, BIN, IIN, ORG};
    use crate::{sign, verify, VerifyError};

    const PAYLOAD: &[u8] = b"<request><iin>850314382048</iin><service>P1.01</service></request>";

    fn signed(detached: bool) -> (TestCa, crate::test_pki::TestCert, Vec<u8>) {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let person = ca.issue(false, &[0x4a, 0x01]);
        let cms = sign(
            PAYLOAD,
            person.cert_pem.as_bytes(),
            person.key_pem.as_bytes(),
            detached,
        )
        .expect("sign");
        (ca, person, cms)
    }

    #[test]
    fn attached_roundtrip() {
        let (ca, person, cms) = signed(false);
        let signer = verify(&cms, PAYLOAD, ca.cert_pem.as_bytes()).expect("verify");
        assert_eq!(signer.certificate_der, person.cert_der);
        assert_eq!(signer.serial_hex, "4A01");
        assert_eq!(signer.iin.as_deref(), Some(IIN));
        assert_eq!(signer.bin, None);
        assert_eq!(
            encapsulated_content(&cms).unwrap().as_deref(),
            Some(PAYLOAD)
        );
    }

    #[test]
    fn detached_roundtrip_with_der_inputs() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let person = ca.issue(true, &[0x01]);
        let cms = sign(PAYLOAD, &person.cert_der, &person.key_der, true).expect("sign");
        assert_eq!(encapsulated_content(&cms).unwrap(), None);
        let signer = verify(&cms, PAYLOAD, &ca.cert_der).expect("verify");
        assert_eq!(signer.bin.as_deref(), Some(BIN));
    }

    #[test]
    fn signed_attributes_are_the_three_expected() {
        let (_, _, cms) = signed(true);
        let signed = signed_data(&cms).unwrap();
        assert_eq!(signed.encap_content_info.econtent, None);
        assert_eq!(signed.certificates.as_ref().map(|c| c.0.len()), Some(1));
        let info = &signed.signer_infos.0.as_slice()[0];
        assert_eq!(info.digest_alg.oid, ID_SHA256);
        assert_eq!(info.signature_algorithm.oid, crypto::ECDSA_WITH_SHA256);
        let mut oids: Vec<_> = info
            .signed_attrs
            .as_ref()
            .unwrap()
            .iter()
            .map(|a| a.oid)
            .collect();
        oids.sort();
        let mut expected = vec![ID_CONTENT_TYPE, ID_MESSAGE_DIGEST, ID_SIGNING_TIME];
        expected.sort();
        assert_eq!(oids, expected);
    }

    #[test]
    fn signing_time_is_now() {
        let (ca, _, cms) = signed(true);
        let signer = verify(&cms, PAYLOAD, ca.cert_pem.as_bytes()).unwrap();
        let at = signer.signing_time.expect("signingTime");
        let skew = (Utc::now() - at).num_seconds().abs();
        assert!(skew < 120, "signingTime {at} is {skew}s from now");
    }

    #[test]
    fn tampered_detached_payload_is_a_digest_mismatch() {
        let (ca, _, cms) = signed(true);
        let err = verify(&cms, b"<request>tampered</request>", ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::DigestMismatch { .. }), "{err}");
        assert!(err.to_string().contains("digest mismatch"), "{err}");
    }

    #[test]
    fn attached_content_must_equal_the_payload() {
        let (ca, _, cms) = signed(false);
        let err = verify(&cms, b"other", ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::ContentMismatch { .. }), "{err}");
    }

    #[test]
    fn a_signature_over_other_attributes_fails() {
        let (ca, person, cms) = signed(true);
        let mut signed = signed_data(&cms).unwrap();
        // The same signer's signature, but over other signed attributes.
        let other = sign(b"other", &person.cert_der, &person.key_der, true).unwrap();
        let other = signed_data(&other).unwrap();
        let mut infos: Vec<SignerInfo> = signed.signer_infos.0.into_vec();
        infos[0].signature = other.signer_infos.0.as_slice()[0].signature.clone();
        signed.signer_infos = cms::signed_data::SignerInfos::try_from(infos).unwrap();
        let forged = ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: Any::encode_from(&signed).unwrap(),
        }
        .to_der()
        .unwrap();
        let err = verify(&forged, PAYLOAD, ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::BadSignature), "{err}");
    }

    #[test]
    fn another_ca_is_refused() {
        let (_, _, cms) = signed(true);
        let other = TestCa::new("Другой УЦ");
        let err = verify(&cms, PAYLOAD, other.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::NotIssuedByCa { .. }), "{err}");
        assert!(err.to_string().contains("not issued by this CA"), "{err}");
    }

    #[test]
    fn a_ca_with_the_same_name_but_another_key_is_refused() {
        let (_, _, cms) = signed(true);
        let impostor = TestCa::new("ҰКО ТЕСТ");
        let err = verify(&cms, PAYLOAD, impostor.cert_pem.as_bytes()).unwrap_err();
        assert!(
            matches!(err, VerifyError::BadCertificateSignature(_)),
            "{err}"
        );
    }

    #[test]
    fn national_subject_of_an_entity() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let employee = ca.issue(true, &[0x7f, 0xff]);
        let cms = sign(
            PAYLOAD,
            employee.cert_pem.as_bytes(),
            employee.key_pem.as_bytes(),
            false,
        )
        .unwrap();
        let signer = verify(&cms, PAYLOAD, ca.cert_pem.as_bytes()).unwrap();
        assert_eq!(
            signer.subject,
            format!(
                "CN=ТЕСТОВ ТЕСТ, SURNAME=ТЕСТОВ, GIVENNAME=ТЕСТ, SERIALNUMBER=IIN{IIN}, C=KZ, O={ORG}, OU=BIN{BIN}"
            )
        );
        assert_eq!(signer.iin.as_deref(), Some(IIN));
        assert_eq!(signer.bin.as_deref(), Some(BIN));
        assert_eq!(signer.not_before.to_rfc3339(), "2024-01-01T00:00:00+00:00");
        assert_eq!(signer.not_after.to_rfc3339(), "2039-12-31T00:00:00+00:00");
        assert!(signer.valid_at(signer.not_before));
        assert!(!signer.valid_at(signer.not_after + chrono::Duration::seconds(1)));
    }

    #[test]
    fn garbage_is_bad_der() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let err = verify(b"\x30\x03\x02\x01", PAYLOAD, ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::BadDer { .. }), "{err}");
        let err = verify(b"x", PAYLOAD, b"not a certificate").unwrap_err();
        assert!(err.to_string().contains("CA certificate"), "{err}");
    }

    #[test]
    fn content_info_of_another_type_is_not_signed_data() {
        let ca = TestCa::new("ҰКО ТЕСТ");
        let data = ContentInfo {
            content_type: ID_DATA,
            content: Any::encode_from(&OctetString::new(PAYLOAD.to_vec()).unwrap()).unwrap(),
        }
        .to_der()
        .unwrap();
        let err = verify(&data, PAYLOAD, ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::NotSignedData(_)), "{err}");
    }

    #[test]
    fn missing_signer_certificate() {
        let (ca, _, cms) = signed(true);
        let mut signed = signed_data(&cms).unwrap();
        signed.certificates = None;
        let stripped = ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: Any::encode_from(&signed).unwrap(),
        }
        .to_der()
        .unwrap();
        let err = verify(&stripped, PAYLOAD, ca.cert_pem.as_bytes()).unwrap_err();
        assert!(matches!(err, VerifyError::NoSignerCertificate(_)), "{err}");
        assert!(err.to_string().contains("serial 4A01"), "{err}");
    }
}
