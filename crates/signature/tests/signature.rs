//! End-to-end checks of reglament-signature: sign/verify through the public
//! API, interoperability with OpenSSL in both directions (`openssl cms`,
//! `openssl ocsp` as a responder), and OCSP responses built with x509-ocsp.
//!
//! OpenSSL is required: when the `openssl` binary is missing these tests
//! FAIL (they do not skip).

#[path = "../src/test_pki.rs"]
mod test_pki;

use chrono::{TimeZone, Utc};
use der::asn1::GeneralizedTime;
use der::{Decode, Encode};
use p256::ecdsa::{DerSignature, SigningKey};
use p256::pkcs8::DecodePrivateKey;
use reglament_signature::{
    encapsulated_content, ocsp_request, ocsp_status, ocsp_status_for_request, sign, verify,
    CertStatus, VerifyError,
};
use std::path::Path;
use std::process::{Command, Output};
use test_pki::{TestCa, TestCert, BIN, IIN};
use x509_cert::Certificate;
use x509_ocsp::builder::OcspResponseBuilder;
use x509_ocsp::{
    OcspGeneralizedTime, OcspRequest, OcspResponse, ResponderId, RevokedInfo, SingleResponse,
};

/// Binary on purpose: CR LF, a NUL, non-UTF-8 bytes and Cyrillic, so any
/// text canonicalisation on either side breaks the digest.
const PAYLOAD: &[u8] = b"{\"iin\":\"850314382048\",\"name\":\"\xd0\xa2\xd0\x95\xd0\xa1\xd0\xa2\"}\r\n\x00\xff\xfe end\n";

fn openssl(dir: &Path, args: &[&str]) -> Output {
    match Command::new("openssl").args(args).current_dir(dir).output() {
        Ok(out) => out,
        Err(e) => panic!(
            "the OpenSSL interoperability tests need the `openssl` command-line tool, \
             which could not be run ({e}); install it (Debian: apt-get install openssl)"
        ),
    }
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Setup {
    dir: tempfile::TempDir,
    ca: TestCa,
    person: TestCert,
}

fn setup(entity: bool) -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = TestCa::new("ҰКО ТЕСТ (reglament)");
    let person = ca.issue(entity, &[0x4a, 0x01, 0x7c]);
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("ca.pem", ca.cert_pem.as_bytes());
    write("ca.key", ca.key_pem.as_bytes());
    write("cert.pem", person.cert_pem.as_bytes());
    write("key.pem", person.key_pem.as_bytes());
    write("payload.bin", PAYLOAD);
    Setup { dir, ca, person }
}

// ---------------------------------------------------------------- roundtrip

#[test]
fn roundtrip_attached_and_detached() {
    let s = setup(true);
    for detached in [false, true] {
        let cms = sign(
            PAYLOAD,
            s.person.cert_pem.as_bytes(),
            s.person.key_pem.as_bytes(),
            detached,
        )
        .expect("sign");
        let signer = verify(&cms, PAYLOAD, s.ca.cert_pem.as_bytes()).expect("verify");
        assert_eq!(signer.iin.as_deref(), Some(IIN));
        assert_eq!(signer.bin.as_deref(), Some(BIN));
        assert_eq!(signer.serial_hex, "4A017C");
        assert!(signer.signing_time.is_some());
        assert_eq!(
            encapsulated_content(&cms).unwrap().is_none(),
            detached,
            "detached={detached}"
        );
    }
}

#[test]
fn tampered_payload_is_a_digest_mismatch() {
    let s = setup(false);
    let cms = sign(PAYLOAD, &s.person.cert_der, &s.person.key_der, true).unwrap();
    let mut tampered = PAYLOAD.to_vec();
    tampered[10] ^= 1;
    let err = verify(&cms, &tampered, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::DigestMismatch { .. }), "{err}");
}

#[test]
fn certificate_from_another_ca_is_refused() {
    let s = setup(false);
    let other_ca = TestCa::new("Бөтен УЦ");
    let stranger = other_ca.issue(false, &[0x4a, 0x01, 0x7c]);
    let cms = sign(PAYLOAD, &stranger.cert_der, &stranger.key_der, true).unwrap();
    let err = verify(&cms, PAYLOAD, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::NotIssuedByCa { .. }), "{err}");
    // …and it does verify against its own CA.
    verify(&cms, PAYLOAD, &other_ca.cert_der).expect("own CA");
}

#[test]
fn national_form_subject_of_an_individual() {
    let s = setup(false);
    let cms = sign(PAYLOAD, &s.person.cert_der, &s.person.key_der, false).unwrap();
    let signer = verify(&cms, PAYLOAD, &s.ca.cert_der).unwrap();
    assert_eq!(
        signer.subject,
        "CN=ТЕСТОВ ТЕСТ, SURNAME=ТЕСТОВ, GIVENNAME=ТЕСТ, SERIALNUMBER=IIN850314382048, C=KZ"
    );
    assert_eq!(signer.iin.as_deref(), Some("850314382048"));
    assert_eq!(signer.bin, None);
}

// ------------------------------------------------------------ OpenSSL → us

#[test]
fn openssl_verifies_our_detached_signature() {
    let s = setup(true);
    let cms = sign(
        PAYLOAD,
        s.person.cert_pem.as_bytes(),
        s.person.key_pem.as_bytes(),
        true,
    )
    .unwrap();
    std::fs::write(s.dir.path().join("sig.der"), &cms).unwrap();
    let out = openssl(
        s.dir.path(),
        &[
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "sig.der",
            "-content",
            "payload.bin",
            "-CAfile",
            "ca.pem",
            "-purpose",
            "any",
            "-out",
            "verified.bin",
        ],
    );
    ok(&out, "openssl cms -verify of our detached signature");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Verification successful"));
    assert_eq!(
        std::fs::read(s.dir.path().join("verified.bin")).unwrap(),
        PAYLOAD
    );

    // The check is real: another payload fails.
    std::fs::write(s.dir.path().join("other.bin"), b"other").unwrap();
    let out = openssl(
        s.dir.path(),
        &[
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "sig.der",
            "-content",
            "other.bin",
            "-CAfile",
            "ca.pem",
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
    );
    assert!(!out.status.success(), "openssl accepted a wrong payload");
}

#[test]
fn openssl_verifies_our_attached_signature() {
    let s = setup(false);
    let cms = sign(PAYLOAD, &s.person.cert_der, &s.person.key_der, false).unwrap();
    std::fs::write(s.dir.path().join("sig.der"), &cms).unwrap();
    let out = openssl(
        s.dir.path(),
        &[
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "sig.der",
            "-CAfile",
            "ca.pem",
            "-purpose",
            "any",
            "-out",
            "content.bin",
        ],
    );
    ok(&out, "openssl cms -verify of our attached signature");
    assert_eq!(
        std::fs::read(s.dir.path().join("content.bin")).unwrap(),
        PAYLOAD
    );
}

// ------------------------------------------------------------ us → OpenSSL

fn openssl_sign(s: &Setup, extra: &[&str]) -> Vec<u8> {
    let mut args = vec![
        "cms",
        "-sign",
        "-binary",
        "-md",
        "sha256",
        "-outform",
        "DER",
        "-signer",
        "cert.pem",
        "-inkey",
        "key.pem",
        "-in",
        "payload.bin",
        "-out",
        "openssl.der",
    ];
    args.extend_from_slice(extra);
    let out = openssl(s.dir.path(), &args);
    ok(&out, "openssl cms -sign");
    std::fs::read(s.dir.path().join("openssl.der")).unwrap()
}

#[test]
fn we_verify_an_openssl_attached_signature() {
    let s = setup(true);
    let cms = openssl_sign(&s, &["-nodetach", "-nosmimecap"]);
    assert_eq!(
        encapsulated_content(&cms).unwrap().as_deref(),
        Some(PAYLOAD)
    );
    let signer = verify(&cms, PAYLOAD, s.ca.cert_pem.as_bytes()).expect("verify OpenSSL's CMS");
    assert_eq!(signer.certificate_der, s.person.cert_der);
    assert_eq!(signer.iin.as_deref(), Some(IIN));
    assert_eq!(signer.bin.as_deref(), Some(BIN));
    let at = signer.signing_time.expect("OpenSSL adds signingTime");
    assert!((Utc::now() - at).num_seconds().abs() < 300);
    let err = verify(&cms, b"something else", s.ca.cert_pem.as_bytes()).unwrap_err();
    assert!(matches!(err, VerifyError::ContentMismatch { .. }), "{err}");
}

#[test]
fn we_verify_openssl_detached_signatures_with_and_without_smime_capabilities() {
    let s = setup(false);
    // `-keyid` names the signer by subjectKeyIdentifier instead of issuer and serial.
    for extra in [&["-nosmimecap"][..], &[][..], &["-keyid"][..]] {
        let cms = openssl_sign(&s, extra);
        assert_eq!(encapsulated_content(&cms).unwrap(), None);
        verify(&cms, PAYLOAD, &s.ca.cert_der).unwrap_or_else(|e| panic!("{extra:?}: {e}"));
        let err = verify(&cms, b"tampered", &s.ca.cert_der).unwrap_err();
        assert!(matches!(err, VerifyError::DigestMismatch { .. }), "{err}");
    }
}

#[test]
fn openssl_signatures_are_checked_against_the_ca() {
    let s = setup(false);
    let cms = openssl_sign(&s, &["-nodetach"]);
    let other = TestCa::new("Бөтен УЦ");
    let err = verify(&cms, PAYLOAD, &other.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::NotIssuedByCa { .. }), "{err}");
}

// --------------------------------------------------------------------- OCSP

fn time(secs: i64) -> OcspGeneralizedTime {
    OcspGeneralizedTime(
        GeneralizedTime::from_unix_duration(std::time::Duration::from_secs(secs as u64)).unwrap(),
    )
}

/// A response by `ca_key` for the first CertID of `request_der`, echoing its
/// nonce when `echo_nonce`.
fn respond(
    request_der: &[u8],
    ca: &TestCa,
    signer_key_der: &[u8],
    status: x509_ocsp::CertStatus,
    echo_nonce: bool,
) -> Vec<u8> {
    let request = OcspRequest::from_der(request_der).expect("our request parses");
    let ca_cert = Certificate::from_der(&ca.cert_der).unwrap();
    let now = Utc::now().timestamp();
    let mut builder =
        OcspResponseBuilder::new(ResponderId::ByName(ca_cert.tbs_certificate.subject.clone()))
            .with_single_response(
                SingleResponse::new(
                    request.tbs_request.request_list[0].req_cert.clone(),
                    status,
                    time(now),
                )
                .with_next_update(time(now + 3600)),
            );
    if echo_nonce {
        builder = builder
            .with_extension(request.nonce().expect("our request has a nonce"))
            .unwrap();
    }
    let mut key = SigningKey::from_pkcs8_der(signer_key_der).unwrap();
    builder
        .sign::<_, DerSignature>(&mut key, Some(vec![ca_cert]), time(now))
        .unwrap()
        .to_der()
        .unwrap()
}

#[test]
fn ocsp_request_is_sha1_with_a_nonce() {
    let s = setup(false);
    let req = ocsp_request(&s.person.cert_der, &s.ca.cert_der).unwrap();
    let parsed = OcspRequest::from_der(&req).unwrap();
    assert_eq!(parsed.tbs_request.request_list.len(), 1);
    let id = &parsed.tbs_request.request_list[0].req_cert;
    assert_eq!(id.hash_algorithm.oid.to_string(), "1.3.14.3.2.26");
    assert_eq!(id.serial_number.as_bytes(), [0x4a, 0x01, 0x7c]);
    assert_eq!(parsed.nonce().expect("nonce").0.as_bytes().len(), 16);
    assert!(parsed.optional_signature.is_none());
    // Each request has a fresh nonce.
    let again = ocsp_request(&s.person.cert_der, &s.ca.cert_der).unwrap();
    assert_ne!(
        OcspRequest::from_der(&again).unwrap().nonce(),
        parsed.nonce()
    );
    // PEM works too, and a certificate of another CA is refused.
    ocsp_request(s.person.cert_pem.as_bytes(), s.ca.cert_pem.as_bytes()).unwrap();
    let other = TestCa::new("Бөтен УЦ");
    let err = ocsp_request(&s.person.cert_der, &other.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::NotIssuedByCa { .. }), "{err}");
}

#[test]
fn ocsp_good_and_revoked_from_an_x509_ocsp_response() {
    let s = setup(false);
    let req = ocsp_request(&s.person.cert_der, &s.ca.cert_der).unwrap();

    let good = respond(
        &req,
        &s.ca,
        &s.ca.key_der,
        x509_ocsp::CertStatus::good(),
        true,
    );
    assert_eq!(
        ocsp_status(&good, &s.person.cert_der, &s.ca.cert_der).unwrap(),
        CertStatus::Good
    );
    assert_eq!(
        ocsp_status_for_request(&good, &req, &s.person.cert_der, &s.ca.cert_der).unwrap(),
        CertStatus::Good
    );

    let at = Utc.with_ymd_and_hms(2025, 3, 14, 9, 26, 53).unwrap();
    let revoked = respond(
        &req,
        &s.ca,
        &s.ca.key_der,
        x509_ocsp::CertStatus::revoked(RevokedInfo {
            revocation_time: time(at.timestamp()),
            revocation_reason: Some(x509_cert::ext::pkix::CrlReason::KeyCompromise),
        }),
        true,
    );
    assert_eq!(
        ocsp_status(
            &revoked,
            s.person.cert_pem.as_bytes(),
            s.ca.cert_pem.as_bytes()
        )
        .unwrap(),
        CertStatus::Revoked { at }
    );

    let unknown = respond(
        &req,
        &s.ca,
        &s.ca.key_der,
        x509_ocsp::CertStatus::unknown(),
        true,
    );
    assert_eq!(
        ocsp_status(&unknown, &s.person.cert_der, &s.ca.cert_der).unwrap(),
        CertStatus::Unknown
    );
}

#[test]
fn ocsp_responses_that_must_be_refused() {
    let s = setup(false);
    let req = ocsp_request(&s.person.cert_der, &s.ca.cert_der).unwrap();

    // Signed by someone else's key.
    let other = TestCa::new("Бөтен УЦ");
    let forged = respond(
        &req,
        &s.ca,
        &other.key_der,
        x509_ocsp::CertStatus::good(),
        true,
    );
    let err = ocsp_status(&forged, &s.person.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::OcspBadSignature), "{err}");

    // About another certificate.
    let sibling = s.ca.issue(false, &[0x01]);
    let good = respond(
        &req,
        &s.ca,
        &s.ca.key_der,
        x509_ocsp::CertStatus::good(),
        true,
    );
    let err = ocsp_status(&good, &sibling.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::OcspNoStatus(_)), "{err}");

    // Without the request's nonce (e.g. replayed).
    let no_nonce = respond(
        &req,
        &s.ca,
        &s.ca.key_der,
        x509_ocsp::CertStatus::good(),
        false,
    );
    assert_eq!(
        ocsp_status(&no_nonce, &s.person.cert_der, &s.ca.cert_der).unwrap(),
        CertStatus::Good
    );
    let err =
        ocsp_status_for_request(&no_nonce, &req, &s.person.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(
        matches!(err, VerifyError::OcspNonceMismatch { .. }),
        "{err}"
    );
    let req2 = ocsp_request(&s.person.cert_der, &s.ca.cert_der).unwrap();
    let err =
        ocsp_status_for_request(&good, &req2, &s.person.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(
        matches!(err, VerifyError::OcspNonceMismatch { .. }),
        "{err}"
    );

    // Not successful.
    let malformed = OcspResponse::malformed_request().to_der().unwrap();
    let err = ocsp_status(&malformed, &s.person.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::OcspNotSuccessful(_)), "{err}");
    assert!(err.to_string().contains("malformedRequest"), "{err}");

    // Not DER.
    let err = ocsp_status(b"garbage", &s.person.cert_der, &s.ca.cert_der).unwrap_err();
    assert!(matches!(err, VerifyError::BadDer { .. }), "{err}");
}

/// OpenSSL as the OCSP responder (`openssl ocsp -index`, no network: the
/// request and response go through files).
#[test]
fn ocsp_against_openssl_responder() {
    let s = setup(false);
    let revoked = s.ca.issue(true, &[0x0b, 0xad]);
    // index.txt: status, expiry, revocation[,reason], serial, file, subject.
    let index = "V\t391231000000Z\t\t4A017C\tunknown\t/CN=good\n\
                 R\t391231000000Z\t250314092653Z,keyCompromise\t0BAD\tunknown\t/CN=revoked\n";
    std::fs::write(s.dir.path().join("index.txt"), index).unwrap();

    let cases = [
        (&s.person, CertStatus::Good),
        (
            &revoked,
            CertStatus::Revoked {
                at: Utc.with_ymd_and_hms(2025, 3, 14, 9, 26, 53).unwrap(),
            },
        ),
    ];
    for (cert, expected) in cases {
        let req = ocsp_request(&cert.cert_der, &s.ca.cert_der).unwrap();
        std::fs::write(s.dir.path().join("req.der"), &req).unwrap();
        let out = openssl(
            s.dir.path(),
            &[
                "ocsp",
                "-index",
                "index.txt",
                "-CA",
                "ca.pem",
                "-rsigner",
                "ca.pem",
                "-rkey",
                "ca.key",
                "-rmd",
                "sha256",
                "-ndays",
                "1",
                "-reqin",
                "req.der",
                "-respout",
                "resp.der",
            ],
        );
        ok(&out, "openssl ocsp responder");
        let resp = std::fs::read(s.dir.path().join("resp.der")).unwrap();
        let status = ocsp_status_for_request(&resp, &req, &cert.cert_der, s.ca.cert_pem.as_bytes())
            .unwrap_or_else(|e| panic!("OpenSSL's OCSP response: {e}"));
        assert_eq!(status, expected);
    }
}
