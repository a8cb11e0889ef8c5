//! The Driver contract document is valid OpenAPI 3.1, the reference serves
//! it, and every answer of the reference validates against the contract's
//! schemas (real HTTP, JSON Schema 2020-12).

mod common;
use common::*;
use serde_json::{json, Value};

const CONTRACT: &str = include_str!("../../../contract/driver-v1.openapi.json");

fn contract() -> Value {
    serde_json::from_str(CONTRACT).unwrap()
}

/// Validates `instance` against `#/components/schemas/{name}` of the contract.
fn check(name: &str, instance: &Value) {
    let doc = contract();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"],
    });
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}\n{instance:#}");
}

#[test]
fn the_contract_is_valid_openapi_3_1() {
    // openapi-spec-validator (PyPI) is the reference validator; .ci/run installs it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../contract/driver-v1.openapi.json"
    );
    let out = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator", path])
        .output()
        .expect("python3 is needed to run openapi-spec-validator");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("No module named"),
        "openapi-spec-validator is not installed: python3 -m pip install openapi-spec-validator (.ci/run does)"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("OK"),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = contract();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["info"]["version"].as_str().unwrap().starts_with("1."));
}

#[tokio::test]
async fn the_reference_serves_the_contract_and_answers_by_it() {
    let env = start(&[]).await;
    let base = env.reference.base_url();
    let http = &env.http;
    let served: Value = http
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(served, contract());
    let root = base.trim_end_matches("/reglament/v1");
    let well_known: Value = http
        .get(format!("{root}/.well-known/reglament-driver.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(well_known, contract());

    let caps: Value = http
        .get(format!("{base}/capabilities"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check("Capabilities", &caps);
    assert_eq!(caps["services"].as_array().unwrap().len(), 9);

    let good = env.mocks.authority.sample("good").unwrap();
    let r = http
        .post(format!("{base}/sessions"))
        .json(&json!({"role": "applicant", "iin": good.iin, "password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    check("Problem", &r.json().await.unwrap());
    let r = http
        .post(format!("{base}/sessions"))
        .json(&json!({"role": "applicant", "iin": good.iin, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let session: Value = r.json().await.unwrap();
    check("Session", &session);
    let token = session["token"].as_str().unwrap().to_string();

    let r = http
        .post(format!("{base}/requests"))
        .bearer_auth(&token)
        .json(&json!({"service": "apostille-education-2012", "channel": "portal", "applicant_iin": good.iin,
                      "form": {}, "attachments": [{"name": "education-document", "media_type": "application/pdf", "content_base64": "AA=="}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let submitted: Value = r.json().await.unwrap();
    check("Submitted", &submitted);
    let id = submitted["request_id"].as_str().unwrap();

    let view: Value = http
        .get(format!("{base}/requests/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check("Request", &view);
    assert_eq!(view["awaiting"], "signature");

    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let payload = b64
        .decode(submitted["signing_payload"].as_str().unwrap())
        .unwrap();
    let cms = reglament_signature::sign(
        &payload,
        good.cert_pem.as_bytes(),
        good.key_pem.as_bytes(),
        true,
    )
    .unwrap();
    let r = http
        .post(format!("{base}/requests/{id}/signature"))
        .bearer_auth(&token)
        .json(&json!({"cms_base64": b64.encode(cms)}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    check("Request", &r.json().await.unwrap());

    // The applicant may not take the provider's decision.
    let r = http
        .post(format!("{base}/requests/{id}/actions"))
        .bearer_auth(&token)
        .json(&json!({"action": "decide", "decision": "approve"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    check("Problem", &r.json().await.unwrap());

    let r = http
        .get(format!("{base}/requests/{id}/result"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409, "no result yet");
    check("Problem", &r.json().await.unwrap());
    let r = http
        .get(format!("{base}/requests/nope"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = http
        .get(format!("{base}/requests/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "no token, no request");

    let r = http
        .put(format!("{base}/clock"))
        .json(&json!({"now": "2025-03-14T10:00:00+05:00"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let clock: Value = r.json().await.unwrap();
    check("Clock", &clock);
    assert!(clock["now"]
        .as_str()
        .unwrap()
        .starts_with("2025-03-14T10:00"));
}

#[tokio::test]
async fn a_finished_request_and_its_result_validate() {
    let env = start(&[]).await;
    let p = plan(&env, "apostille-education-2012", "portal", "good");
    let w = run(&env, &p).await;
    let id = w.submitted.unwrap().request_id;
    // The raw answers, not the harness's reading of them.
    let base = env.reference.base_url();
    let token: Value = env
        .http
        .post(format!("{base}/sessions"))
        .json(&json!({"role": "applicant", "iin": p.applicant_iin, "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["token"].as_str().unwrap();
    let view: Value = env
        .http
        .get(format!("{base}/requests/{id}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check("Request", &view);
    assert_eq!(view["final"], true);
    let doc: Value = env
        .http
        .get(format!("{base}/requests/{id}/result"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check("ResultDocument", &doc);
}

#[tokio::test]
async fn sign_in_with_an_eds_checks_the_certificate_like_a_signature() {
    let env = start(&[]).await;
    let base = env.reference.base_url();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let token = |name: &str, role: &str, at: chrono::DateTime<chrono::Utc>| {
        let s = env.mocks.authority.sample(name).unwrap();
        let content = format!("reglament-sign-in:{role}:{}", at.to_rfc3339());
        let cms = reglament_signature::sign(
            content.as_bytes(),
            s.cert_pem.as_bytes(),
            s.key_pem.as_bytes(),
            false,
        )
        .unwrap();
        (s.iin, b64.encode(cms))
    };
    let now = chrono::Utc::now();
    let (iin, cms) = token("good", "applicant", now);
    let r = env
        .http
        .post(format!("{base}/sessions"))
        .json(&json!({"role": "applicant", "certificate_cms_base64": cms}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let s: Value = r.json().await.unwrap();
    check("Session", &s);
    assert_eq!(
        s["iin"],
        iin.as_str(),
        "the session is the certificate's holder"
    );
    for (name, role, at, why) in [
        ("revoked", "applicant", now, "revoked"),
        ("expired", "applicant", now, "expired"),
        ("good", "operator", now, "another role"),
        (
            "good",
            "applicant",
            now - chrono::Duration::minutes(30),
            "a stale token",
        ),
    ] {
        let (_, cms) = token(name, role, at);
        let r = env
            .http
            .post(format!("{base}/sessions"))
            .json(&json!({"role": "applicant", "certificate_cms_base64": cms}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{why}");
        check("Problem", &r.json().await.unwrap());
    }
}
