//! The PKI mock over real HTTP on loopback: sample subjects, the OCSP
//! responder (parsed back and its signature verified, and by `openssl ocsp`),
//! the CRL (by `openssl crl`), the JSON API and the journal.

use base64::Engine;
use der::asn1::OctetString;
use der::{Decode, Encode, Tagged};
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{DerSignature, VerifyingKey};
use reglament_mocks::iin;
use reglament_mocks::pki::{Pki, SAMPLES};
use reglament_mocks::{Mocks, MocksConfig};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use x509_cert::ext::Extension;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Certificate;
use x509_ocsp::builder::OcspRequestBuilder;
use x509_ocsp::ext::Nonce;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspResponse, OcspResponseStatus, Request, ResponderId,
    Version,
};

const OID_SURNAME: &str = "2.5.4.4";
const OID_SERIAL_NUMBER: &str = "2.5.4.5";
const OID_GIVEN_NAME: &str = "2.5.4.42";
const OID_COUNTRY: &str = "2.5.4.6";
const OID_ORG: &str = "2.5.4.10";
const OID_ORG_UNIT: &str = "2.5.4.11";
const OID_AIA: &str = "1.3.6.1.5.5.7.1.1";
const OID_CRL_DP: &str = "2.5.29.31";

async fn start() -> (Mocks, reqwest::Client, String) {
    let mocks = Mocks::start(MocksConfig::default())
        .await
        .expect("mocks start");
    let base = mocks.pki.base_url();
    (mocks, reqwest::Client::new(), base)
}

fn cert(der: &[u8]) -> Certificate {
    Certificate::from_der(der).expect("certificate DER")
}

fn ca_cert(pki: &Pki) -> Certificate {
    cert(&pki.ca_der())
}

/// (OID, tag, text) of every subject attribute, in order.
fn subject_attrs(c: &Certificate) -> Vec<(String, der::Tag, String)> {
    c.tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .map(|atv| {
            let text = String::from_utf8(atv.value.value().to_vec()).expect("utf-8 value");
            (atv.oid.to_string(), atv.value.tag(), text)
        })
        .collect()
}

fn attr(attrs: &[(String, der::Tag, String)], oid: &str) -> Option<(der::Tag, String)> {
    attrs
        .iter()
        .find(|(o, _, _)| o == oid)
        .map(|(_, t, v)| (*t, v.clone()))
}

fn extension<'a>(c: &'a Certificate, oid: &str) -> Option<&'a Extension> {
    c.tbs_certificate
        .extensions
        .as_ref()?
        .iter()
        .find(|e| e.extn_id.to_string() == oid)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn nonce_request(ids: Vec<CertId>, nonce: &[u8]) -> Vec<u8> {
    let mut b = OcspRequestBuilder::new(Version::V1);
    for id in ids {
        b = b.with_request(Request::new(id));
    }
    b.with_extension(Nonce::new(nonce.to_vec()).unwrap())
        .unwrap()
        .build()
        .to_der()
        .unwrap()
}

fn sha1_id(ca: &Certificate, c: &Certificate) -> CertId {
    CertId::from_cert::<sha1::Sha1>(ca, c).unwrap()
}

async fn post_ocsp(http: &reqwest::Client, base: &str, der: Vec<u8>) -> Vec<u8> {
    let r = http
        .post(format!("{base}/ocsp"))
        .header("content-type", "application/ocsp-request")
        .body(der)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/ocsp-response");
    r.bytes().await.unwrap().to_vec()
}

async fn get_ocsp(http: &reqwest::Client, base: &str, der: &[u8]) -> Vec<u8> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let encoded = b64
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D");
    let r = http
        .get(format!("{base}/ocsp/{encoded}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/ocsp-response");
    r.bytes().await.unwrap().to_vec()
}

/// Parses a successful response and verifies its signature with the CA key.
fn verified(ca: &Certificate, der: &[u8]) -> BasicOcspResponse {
    let resp = OcspResponse::from_der(der).expect("OCSPResponse DER");
    assert_eq!(resp.response_status, OcspResponseStatus::Successful);
    let bytes = resp.response_bytes.expect("responseBytes");
    assert_eq!(
        bytes.response_type.to_string(),
        "1.3.6.1.5.5.7.48.1.1",
        "id-pkix-ocsp-basic"
    );
    let basic = BasicOcspResponse::from_der(bytes.response.as_bytes()).expect("basic response");
    let key = VerifyingKey::from_sec1_bytes(
        ca.tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .raw_bytes(),
    )
    .unwrap();
    let sig = DerSignature::try_from(basic.signature.raw_bytes()).expect("DER ECDSA signature");
    key.verify(&basic.tbs_response_data.to_der().unwrap(), &sig)
        .expect("the response is signed by the CA key");
    assert_eq!(
        basic.signature_algorithm.oid.to_string(),
        "1.2.840.10045.4.3.2",
        "ecdsa-with-SHA256"
    );
    assert_eq!(
        basic.tbs_response_data.responder_id,
        ResponderId::ByName(ca.tbs_certificate.subject.clone())
    );
    assert_eq!(basic.certs.as_deref(), Some(std::slice::from_ref(ca)));
    basic
}

fn status_name(s: &CertStatus) -> &'static str {
    match s {
        CertStatus::Good(_) => "good",
        CertStatus::Revoked(_) => "revoked",
        CertStatus::Unknown(_) => "unknown",
    }
}

async fn journal(http: &reqwest::Client, base: &str, query: &str) -> Value {
    http.get(format!("{base}/_journal?{query}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn samples_carry_the_national_subject_form_with_valid_iins() {
    let (mocks, _http, base) = start().await;
    let pki = &mocks.authority;
    assert_eq!(mocks.endpoints().len(), 3);
    assert!(mocks
        .endpoints()
        .iter()
        .any(|e| e.mock == "pki" && e.base_url == base));
    let ca = ca_cert(pki);
    let ca_attrs = subject_attrs(&ca);
    assert_eq!(
        attr(&ca_attrs, "2.5.4.3").unwrap().1,
        "ҰКО ТЕСТ (reglament mock)"
    );
    let mut serials = std::collections::BTreeSet::new();
    for name in SAMPLES {
        let s = pki.sample(name).unwrap_or_else(|| panic!("sample {name}"));
        let c = cert(&s.cert_der);
        assert_eq!(c.tbs_certificate.issuer, ca.tbs_certificate.subject);
        let attrs = subject_attrs(&c);
        let (tag, serial_number) = attr(&attrs, OID_SERIAL_NUMBER).expect("SERIALNUMBER");
        assert_eq!(tag, der::Tag::PrintableString, "{name}: SERIALNUMBER tag");
        let digits = serial_number.strip_prefix("IIN").expect("IIN prefix");
        assert_eq!(iin::validate(digits), Ok(()), "{name}: {serial_number}");
        assert_eq!(digits, s.iin);
        let surname = attr(&attrs, OID_SURNAME).expect("SURNAME").1;
        let given = attr(&attrs, OID_GIVEN_NAME).expect("GIVENNAME").1;
        assert_eq!(
            attr(&attrs, "2.5.4.3").unwrap().1,
            format!("{surname} {given}")
        );
        assert_eq!(
            attr(&attrs, OID_COUNTRY),
            Some((der::Tag::PrintableString, "KZ".to_string()))
        );
        assert!(s.subject.contains(&format!("SERIALNUMBER=IIN{}", s.iin)));
        // Positive, 16-octet serial, unique.
        let sn = c.tbs_certificate.serial_number.as_bytes();
        assert_eq!(sn.len(), 16, "{name}");
        assert!(sn[0] & 0x80 == 0 && sn[0] != 0);
        assert_eq!(hex(sn), s.serial);
        assert!(serials.insert(s.serial.clone()), "serials are unique");
        // AIA with the OCSP URL, CRL distribution point.
        let aia = extension(&c, OID_AIA).expect("AIA");
        let url = format!("{base}/ocsp");
        assert!(
            aia.extn_value
                .as_bytes()
                .windows(url.len())
                .any(|w| w == url.as_bytes()),
            "{name}: AIA carries {url}"
        );
        let crl_dp = extension(&c, OID_CRL_DP).expect("CRL DP");
        let crl_url = format!("{base}/crl");
        assert!(crl_dp
            .extn_value
            .as_bytes()
            .windows(crl_url.len())
            .any(|w| w == crl_url.as_bytes()));
        assert!(s.key_pem.contains("PRIVATE KEY"));
    }
    let fixtures = &mocks.fixtures;
    let found = fixtures.person_for_case("found").unwrap();
    assert_eq!(pki.sample("good").unwrap().iin, found);
    let mismatch = pki.sample("iin-mismatch").unwrap();
    assert_eq!(mismatch.applicant_iin, found);
    assert_ne!(mismatch.iin, mismatch.applicant_iin);
    assert!(fixtures.person(&mismatch.iin).is_some());

    let operator = pki.sample("operator").unwrap();
    let attrs = subject_attrs(&cert(&operator.cert_der));
    let (tag, ou) = attr(&attrs, OID_ORG_UNIT).expect("OU");
    assert_eq!(tag, der::Tag::PrintableString);
    let bin = ou.strip_prefix("BIN").unwrap();
    assert_eq!(iin::validate(bin), Ok(()));
    let entity = fixtures.entity(bin).expect("a fixture entity");
    assert_eq!(attr(&attrs, OID_ORG).unwrap().1, entity.name);
    assert_eq!(operator.bin.as_deref(), Some(bin));

    let now = std::time::SystemTime::now();
    let expired = cert(&pki.sample("expired").unwrap().cert_der);
    assert!(expired.tbs_certificate.validity.not_after.to_system_time() < now);
    let future = cert(&pki.sample("not-yet-valid").unwrap().cert_der);
    assert!(future.tbs_certificate.validity.not_before.to_system_time() > now);
    mocks.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ocsp_answers_good_revoked_and_unknown_over_post_and_get() {
    let (mocks, http, base) = start().await;
    let pki = &mocks.authority;
    let ca = ca_cert(pki);
    let good = cert(&pki.sample("good").unwrap().cert_der);
    let revoked = cert(&pki.sample("revoked").unwrap().cert_der);
    let expired = cert(&pki.sample("expired").unwrap().cert_der);
    let stranger =
        CertId::from_issuer::<sha1::Sha1>(&ca, SerialNumber::new(&[0x42; 16]).unwrap()).unwrap();
    // A CertID whose issuer hashes are not our CA's, with a serial we issued.
    let mut foreign = sha1_id(&ca, &good);
    foreign.issuer_key_hash = OctetString::new(vec![0u8; 20]).unwrap();
    let sha256 = CertId::from_cert::<sha2::Sha256>(&ca, &good).unwrap();

    let ids = vec![
        sha1_id(&ca, &good),
        sha1_id(&ca, &revoked),
        stranger,
        foreign,
        sha256,
        sha1_id(&ca, &expired),
    ];
    let nonce = b"reglament-nonce-0123";
    let req = nonce_request(ids.clone(), nonce);
    for (how, der) in [
        ("POST", post_ocsp(&http, &base, req.clone()).await),
        ("GET", get_ocsp(&http, &base, &req).await),
    ] {
        let basic = verified(&ca, &der);
        let data = &basic.tbs_response_data;
        let got: Vec<&str> = data
            .responses
            .iter()
            .map(|r| status_name(&r.cert_status))
            .collect();
        assert_eq!(
            got,
            ["good", "revoked", "unknown", "unknown", "good", "good"],
            "{how}"
        );
        for (r, id) in data.responses.iter().zip(&ids) {
            assert_eq!(&r.cert_id, id, "{how}: CertID echoed");
            let next = r.next_update.expect("nextUpdate").0.to_unix_duration();
            assert!(next > r.this_update.0.to_unix_duration());
        }
        let CertStatus::Revoked(info) = &data.responses[1].cert_status else {
            unreachable!()
        };
        assert_eq!(
            info.revocation_reason,
            Some(x509_cert::ext::pkix::CrlReason::KeyCompromise)
        );
        assert_eq!(
            data.nonce(),
            Some(Nonce::new(nonce.to_vec()).unwrap()),
            "{how}"
        );
    }
    assert_eq!(
        pki.status(&pki.sample("revoked").unwrap().serial).as_str(),
        "revoked"
    );
    mocks.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_request_gets_malformed_request_not_a_500() {
    let (mocks, http, base) = start().await;
    for der in [
        post_ocsp(&http, &base, b"this is not DER".to_vec()).await,
        post_ocsp(&http, &base, Vec::new()).await,
        get_ocsp(&http, &base, b"\x30\x03\x02\x01\x00").await,
    ] {
        let resp = OcspResponse::from_der(&der).unwrap();
        assert_eq!(resp.response_status, OcspResponseStatus::MalformedRequest);
        assert!(resp.response_bytes.is_none());
    }
    let r = http
        .get(format!("{base}/ocsp/@@not-base64@@"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let resp = OcspResponse::from_der(&r.bytes().await.unwrap()).unwrap();
    assert_eq!(resp.response_status, OcspResponseStatus::MalformedRequest);
    let page = journal(
        &http,
        &base,
        "operation=ocsp.check&field=status:malformedRequest",
    )
    .await;
    assert_eq!(page["entries"].as_array().unwrap().len(), 4, "{page}");
    mocks.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_journal_records_each_ocsp_check_with_the_serial() {
    let (mocks, http, base) = start().await;
    let pki = &mocks.authority;
    let ca = ca_cert(pki);
    let good = pki.sample("good").unwrap();
    let req = nonce_request(vec![sha1_id(&ca, &cert(&good.cert_der))], b"n1");
    post_ocsp(&http, &base, req).await;
    let page = journal(
        &http,
        &base,
        &format!("operation=ocsp.check&field=serial:{}", good.serial),
    )
    .await;
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{page}");
    let e = &entries[0];
    assert_eq!(e["mock"], "pki");
    assert_eq!(e["status"], 200);
    assert_eq!(e["fields"]["status"], "good");
    assert_eq!(e["fields"]["iin"], good.iin.as_str());
    assert_eq!(e["fields"]["method"], "POST");
    assert_eq!(e["fields"]["nonce"], "true");
    assert_eq!(e["fields"]["hash"], "sha1");
    // Handing out a sample's test key is fine; journaling it is not.
    let r = http
        .get(format!("{base}/certificates/good"))
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains("PRIVATE KEY"));
    let all = journal(&http, &base, "").await.to_string();
    assert!(!all.contains("PRIVATE KEY"), "{all}");
    mocks.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_json_api_lists_issues_and_revokes() {
    let (mocks, http, base) = start().await;
    let list: Value = http
        .get(format!("{base}/certificates"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(names, SAMPLES);
    let revoked = &list[1];
    assert_eq!(revoked["status"], "revoked");
    assert_eq!(revoked["reason"], "keyCompromise");
    assert_eq!(list[2]["validity"], "expired");
    assert_eq!(list[3]["validity"], "not-yet-valid");
    assert_eq!(list[0]["validity"], "valid");

    let ca_pem = http
        .get(format!("{base}/ca.pem"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(ca_pem, mocks.authority.ca_pem());

    // Issue for an entity applicant, org looked up by BIN.
    let person = mocks.fixtures.person_for_case("found").unwrap();
    let bin = mocks.fixtures.entity_for_case("found").unwrap();
    let r = http
        .post(format!("{base}/certificates"))
        .json(&json!({"iin": person, "surname": "ТЕСТОВ", "name": "АЙБЕК", "bin": bin}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let issued: Value = r.json().await.unwrap();
    let serial = issued["serial"].as_str().unwrap().to_string();
    assert!(issued["key_pem"].as_str().unwrap().contains("PRIVATE KEY"));
    assert!(issued["subject"]
        .as_str()
        .unwrap()
        .ends_with(&format!("OU=BIN{bin}")));
    let one: Value = http
        .get(format!("{base}/certificates/{}", serial.to_lowercase()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(one["serial"], serial.as_str());
    assert_eq!(one["status"], "good");
    assert!(one.get("key_pem").is_none(), "issued keys are not kept");
    assert_eq!(one["cert_pem"], issued["cert_pem"]);

    // Bad requests.
    for bad in [
        json!({"iin": "850314382049", "surname": "A", "name": "B"}),
        json!({"iin": person, "surname": "", "name": "B"}),
        json!({"iin": person, "surname": "A", "name": "B", "org": "ТОО"}),
        json!({"iin": person, "surname": "A", "name": "B", "validity": "forever"}),
    ] {
        let r = http
            .post(format!("{base}/certificates"))
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{bad}");
    }

    // Revoke: status, CRL and OCSP follow.
    let crl_before = mocks.authority.crl_der().unwrap();
    let r = http
        .post(format!("{base}/certificates/{serial}/revoke"))
        .json(&json!({"reason": "superseded"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let info: Value = r.json().await.unwrap();
    assert_eq!(info["status"], "revoked");
    assert_eq!(info["reason"], "superseded");
    let r = http
        .post(format!("{base}/certificates/{serial}/revoke"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let r = http
        .post(format!("{base}/certificates/0102/revoke"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    let crl_der = http
        .get(format!("{base}/crl"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_ne!(crl_der.as_ref(), crl_before.as_slice(), "CRL re-signed");
    let crl = x509_cert::crl::CertificateList::from_der(&crl_der).unwrap();
    let listed: Vec<String> = crl
        .tbs_cert_list
        .revoked_certificates
        .unwrap_or_default()
        .iter()
        .map(|r| hex(r.serial_number.as_bytes()))
        .collect();
    assert!(listed.contains(&serial), "{listed:?}");
    assert!(listed.contains(&mocks.authority.sample("revoked").unwrap().serial));
    assert_eq!(listed.len(), 2);

    let ca = ca_cert(&mocks.authority);
    let c = Certificate::from_der(&pem_der(issued["cert_pem"].as_str().unwrap())).unwrap();
    let basic = verified(
        &ca,
        &post_ocsp(&http, &base, nonce_request(vec![sha1_id(&ca, &c)], b"x")).await,
    );
    let CertStatus::Revoked(info) = &basic.tbs_response_data.responses[0].cert_status else {
        panic!("revoked expected")
    };
    assert_eq!(
        info.revocation_reason,
        Some(x509_cert::ext::pkix::CrlReason::Superseded)
    );
    mocks.stop().await;
}

fn pem_der(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap()
}

// ---- openssl as an independent client ----

fn openssl(args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "the PKI conformance tests need the `openssl` command-line tool \
                 (apt-get install openssl): could not run it: {e}"
            )
        });
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssl_ocsp_accepts_and_verifies_the_responder() {
    let (mocks, _http, base) = start().await;
    let dir = tempfile::tempdir().unwrap();
    let manifest = mocks.authority.write_samples(dir.path()).unwrap();
    assert_eq!(manifest.ocsp_url, format!("{base}/ocsp"));
    let url = manifest.ocsp_url.clone();
    let path = dir.path().to_path_buf();
    let runs = tokio::task::spawn_blocking(move || {
        ["good", "revoked", "expired", "iin-mismatch", "operator"].map(|name| {
            let cert = format!("{name}.pem");
            let args = [
                "ocsp",
                "-issuer",
                "ca.pem",
                "-cert",
                &cert,
                "-url",
                &url,
                "-CAfile",
                "ca.pem",
                "-resp_text",
            ];
            (name, openssl(&args, &path))
        })
    })
    .await
    .unwrap();
    for (name, (ok, out)) in runs {
        assert!(ok, "openssl ocsp for {name} failed:\n{out}");
        assert!(out.contains("Response verify OK"), "{name}:\n{out}");
        let expected = if name == "revoked" { "revoked" } else { "good" };
        assert!(
            out.contains(&format!("{name}.pem: {expected}")),
            "{name}: expected {expected}:\n{out}"
        );
        assert!(
            !out.contains("no nonce") && !out.contains("Nonce Verify error"),
            "{name}: the nonce is echoed:\n{out}"
        );
        if name == "revoked" {
            assert!(out.contains("Reason: keyCompromise"), "{out}");
        }
    }
    // The journal saw each of them.
    let page = journal(&reqwest::Client::new(), &base, "operation=ocsp.check").await;
    assert_eq!(page["entries"].as_array().unwrap().len(), 5, "{page}");
    mocks.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssl_verifies_the_crl_and_the_samples() {
    let (mocks, _http, _base) = start().await;
    let dir = tempfile::tempdir().unwrap();
    let manifest = mocks.authority.write_samples(dir.path()).unwrap();
    let names: Vec<&str> = manifest.samples.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, SAMPLES);
    for s in &manifest.samples {
        assert!(dir.path().join(&s.cert).is_file() && dir.path().join(&s.key).is_file());
        let expected = if s.name == "revoked" {
            "revoked"
        } else {
            "good"
        };
        assert_eq!(s.expected_ocsp, expected);
    }
    let on_disk: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("manifest.json")).unwrap())
            .unwrap();
    let mismatch = &on_disk["samples"][4];
    assert_eq!(mismatch["name"], "iin-mismatch");
    assert_ne!(mismatch["iin"], mismatch["applicant_iin"]);

    let revoked_serial = mocks.authority.sample("revoked").unwrap().serial;
    let good_serial = mocks.authority.sample("good").unwrap().serial;
    let path = dir.path().to_path_buf();
    let (crl, verify, verify_expired, subject) = tokio::task::spawn_blocking(move || {
        (
            openssl(
                &[
                    "crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout", "-text",
                ],
                &path,
            ),
            openssl(&["verify", "-CAfile", "ca.pem", "good.pem"], &path),
            openssl(&["verify", "-CAfile", "ca.pem", "expired.pem"], &path),
            openssl(
                &[
                    "x509",
                    "-in",
                    "operator.pem",
                    "-noout",
                    "-subject",
                    "-nameopt",
                    "RFC2253,-esc_msb",
                ],
                &path,
            ),
        )
    })
    .await
    .unwrap();
    let (ok, out) = crl;
    assert!(ok, "openssl crl failed:\n{out}");
    assert!(out.contains("verify OK"), "{out}");
    assert!(
        out.contains(&revoked_serial),
        "{revoked_serial} listed:\n{out}"
    );
    assert!(!out.contains(&good_serial), "{out}");
    assert!(out.contains("Key Compromise"), "{out}");
    let (ok, out) = verify;
    assert!(ok && out.contains("good.pem: OK"), "{out}");
    let (ok, out) = verify_expired;
    assert!(!ok && out.contains("certificate has expired"), "{out}");
    let (ok, out) = subject;
    assert!(ok, "{out}");
    assert!(out.contains("serialNumber=IIN"), "{out}");
    assert!(out.contains("OU=BIN"), "{out}");
    mocks.stop().await;
}
