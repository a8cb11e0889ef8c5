//! The registry and payment-gateway mocks over real HTTP on loopback: what an
//! implementation under test sees, and the journal that is the evidence of
//! its calls.

use reglament_mocks::{Mocks, MocksConfig};
use serde_json::{json, Value};
use std::time::Duration;

async fn start(cfg: MocksConfig) -> (Mocks, reqwest::Client) {
    (
        Mocks::start(cfg).await.expect("mocks start"),
        reqwest::Client::new(),
    )
}

async fn get(http: &reqwest::Client, url: String) -> (u16, Value) {
    let r = http.get(url).send().await.expect("answered");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn person_lookups_answer_every_fixture_case() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.registry.base_url();
    assert!(
        base.starts_with("http://127.0.0.1:"),
        "loopback by default: {base}"
    );
    let f = &mocks.fixtures;

    let found = f.person_for_case("found").unwrap();
    let (s, body) = get(&http, format!("{base}/persons/{found}")).await;
    assert_eq!(s, 200);
    assert_eq!(body["iin"], found.as_str());
    assert_eq!(body["status"], "alive");

    let deceased = f.person_for_case("deceased").unwrap();
    let (s, body) = get(&http, format!("{base}/persons/{deceased}")).await;
    assert_eq!(s, 200);
    assert_eq!(body["status"], "deceased");
    assert!(body["death_date"].is_string());

    let minor = f.person_for_case("minor").unwrap();
    assert_eq!(
        get(&http, format!("{base}/persons/{minor}")).await.1["minor"],
        true
    );

    let absent = f.person_for_case("not-found").unwrap();
    assert_eq!(get(&http, format!("{base}/persons/{absent}")).await.0, 404);

    // A wrong check digit is a bad request, not a "not found".
    let mut bad = found.clone();
    let last = bad.pop().unwrap().to_digit(10).unwrap();
    bad.push(char::from_digit((last + 1) % 10, 10).unwrap());
    let (s, body) = get(&http, format!("{base}/persons/{bad}")).await;
    assert_eq!(s, 400);
    assert!(body["error"].as_str().unwrap().contains("IIN"), "{body}");

    let liquidated = f.entity_for_case("liquidated").unwrap();
    let (s, body) = get(&http, format!("{base}/entities/{liquidated}")).await;
    assert_eq!(s, 200);
    assert_eq!(body["status"], "liquidated");
    mocks.stop().await;
}

#[tokio::test]
async fn the_journal_records_who_called_what_and_when() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.registry.base_url();
    let found = mocks.fixtures.person_for_case("found").unwrap();
    let absent = mocks.fixtures.person_for_case("not-found").unwrap();
    get(&http, format!("{base}/persons/{found}")).await;
    get(&http, format!("{base}/persons/{absent}")).await;

    let (_, page) = get(
        &http,
        format!("{base}/_journal?operation=person.lookup&field=iin:{found}"),
    )
    .await;
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{page}");
    let e = &entries[0];
    assert_eq!(e["status"], 200);
    assert_eq!(e["fields"]["found"], "true");
    assert!(e["caller"].as_str().unwrap().starts_with("127.0.0.1:"));
    assert!(e["answered_us"].as_u64() >= e["received_us"].as_u64());

    // The Rust API sees the same journal; paging with `since` skips what was read.
    let all = mocks.registry.shared.journal.query(0, None, None, 100);
    assert_eq!(all.entries.len(), 2);
    let rest = mocks
        .registry
        .shared
        .journal
        .query(all.entries[0].seq + 1, None, None, 100);
    assert_eq!(rest.entries.len(), 1);
    assert_eq!(rest.entries[0].fields["iin"], absent);
    mocks.stop().await;
}

#[tokio::test]
async fn the_journal_stays_bounded_and_counts_what_it_dropped() {
    let cfg = MocksConfig {
        journal_capacity: 10,
        ..MocksConfig::default()
    };
    let (mocks, http) = start(cfg).await;
    let base = mocks.registry.base_url();
    let found = mocks.fixtures.person_for_case("found").unwrap();
    for _ in 0..25 {
        get(&http, format!("{base}/persons/{found}")).await;
    }
    let (_, page) = get(&http, format!("{base}/_journal")).await;
    assert_eq!(page["entries"].as_array().unwrap().len(), 10);
    assert_eq!(page["dropped"], 15);
    assert_eq!(page["entries"][0]["seq"], 16, "the newest are kept");
    mocks.stop().await;
}

#[tokio::test]
async fn a_profile_switched_at_run_time_changes_behaviour_and_is_journaled() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.registry.base_url();
    let found = mocks.fixtures.person_for_case("found").unwrap();

    let r = http
        .put(format!("{base}/_profile"))
        .json(&json!({"outage": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(get(&http, format!("{base}/persons/{found}")).await.0, 503);

    let r = http
        .put(format!("{base}/_profile"))
        .json(&json!({"latency": {"distribution": "fixed", "ms": 150.0}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let t = std::time::Instant::now();
    assert_eq!(get(&http, format!("{base}/persons/{found}")).await.0, 200);
    assert!(
        t.elapsed() >= Duration::from_millis(150),
        "the latency is really applied"
    );

    // An invalid profile is refused and the current one kept.
    let r = http
        .put(format!("{base}/_profile"))
        .json(&json!({"error_rate": 1.5}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let (_, now) = get(&http, format!("{base}/_profile")).await;
    assert_eq!(now["latency"]["ms"], 150.0);

    let (_, page) = get(&http, format!("{base}/_journal")).await;
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries[0]["status"], 503);
    assert_eq!(entries[0]["fields"]["injected"], "outage");
    assert_eq!(entries[1]["status"], 200);
    mocks.stop().await;
}

/// A tiny implementation-side endpoint that collects the gateway's callbacks.
async fn callback_sink() -> (String, tokio::sync::mpsc::UnboundedReceiver<Value>) {
    use axum::{routing::post, Json, Router};
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let app = Router::new().route(
        "/payments/callback",
        post(move |Json(v): Json<Value>| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(v);
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/payments/callback",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, rx)
}

#[tokio::test]
async fn an_invoice_is_paid_once_and_the_implementation_is_notified() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.payment.base_url();
    let (callback, mut notified) = callback_sink().await;
    let payer = mocks.fixtures.person_for_case("found").unwrap();
    let r = http
        .post(format!("{base}/invoices"))
        .json(&json!({
            "request_id": "REQ-1", "payer_iin": payer, "amount_kzt": 1966.0,
            "kbk": "108126", "valid_for_s": 600, "callback_url": callback
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let inv: Value = r.json().await.unwrap();
    assert_eq!(inv["status"], "issued");
    let pay_url = inv["pay_url"].as_str().unwrap().to_string();

    let first: Value = http
        .post(format!("{pay_url}/pay"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["status"], "paid");
    let again = http.post(format!("{pay_url}/pay")).send().await.unwrap();
    assert_eq!(again.status(), 200, "paying twice is idempotent");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["receipt_no"], first["receipt_no"]);
    assert_eq!(
        http.post(format!("{pay_url}/decline"))
            .send()
            .await
            .unwrap()
            .status(),
        409
    );

    let note = tokio::time::timeout(Duration::from_secs(5), notified.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(note["request_id"], "REQ-1");
    assert_eq!(note["status"], "paid");
    let (_, status) = get(&http, pay_url.clone()).await;
    assert_eq!(status["status"], "paid");

    let ops: Vec<String> = mocks
        .payment
        .shared
        .journal
        .query(0, None, None, 100)
        .entries
        .into_iter()
        .map(|e| e.operation)
        .collect();
    for op in [
        "invoice.create",
        "invoice.pay",
        "callback.sent",
        "invoice.status",
    ] {
        assert!(ops.iter().any(|o| o == op), "{op} in {ops:?}");
    }
    mocks.stop().await;
}

#[tokio::test]
async fn an_unpaid_invoice_expires_and_can_no_longer_be_paid() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.payment.base_url();
    let payer = mocks.fixtures.person_for_case("found").unwrap();
    let inv: Value = http
        .post(format!("{base}/invoices"))
        .json(&json!({"request_id": "REQ-2", "payer_iin": payer, "amount_kzt": 809.0, "kbk": "108126", "valid_for_s": 1}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pay_url = inv["pay_url"].as_str().unwrap().to_string();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, s) = get(&http, pay_url.clone()).await;
        if s["status"] == "expired" {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "never expired: {s}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let r = http.post(format!("{pay_url}/pay")).send().await.unwrap();
    assert_eq!(r.status(), 409);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["status_text_ru"],
        "Запрос отменен. Истек срок ожидания оплаты"
    );
    mocks.stop().await;
}

#[tokio::test]
async fn invoices_with_bad_fields_are_refused() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.payment.base_url();
    let payer = mocks.fixtures.person_for_case("found").unwrap();
    for body in [
        json!({"request_id": "R", "payer_iin": "123", "amount_kzt": 1.0, "kbk": "1", "valid_for_s": 5}),
        json!({"request_id": "R", "payer_iin": payer, "amount_kzt": 0.0, "kbk": "1", "valid_for_s": 5}),
        json!({"request_id": "R", "payer_iin": payer, "amount_kzt": 1.0, "kbk": "", "valid_for_s": 5}),
    ] {
        let r = http
            .post(format!("{base}/invoices"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{body}");
    }
    mocks.stop().await;
}

#[tokio::test]
async fn a_declined_invoice_is_final_and_the_implementation_is_told() {
    let (mocks, http) = start(MocksConfig::default()).await;
    let base = mocks.payment.base_url();
    let (callback, mut notified) = callback_sink().await;
    let payer = mocks.fixtures.person_for_case("found").unwrap();
    let inv: Value = http
        .post(format!("{base}/invoices"))
        .json(
            &json!({"request_id": "REQ-3", "payer_iin": payer, "amount_kzt": 809.0,
                      "kbk": "108126", "valid_for_s": 600, "callback_url": callback}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pay_url = inv["pay_url"].as_str().unwrap().to_string();
    let r = http
        .post(format!("{pay_url}/decline"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let note = tokio::time::timeout(Duration::from_secs(5), notified.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(note["status"], "declined");
    // Declined is final: it can no longer be paid.
    assert_eq!(
        http.post(format!("{pay_url}/pay"))
            .send()
            .await
            .unwrap()
            .status(),
        409
    );
    assert_eq!(get(&http, pay_url).await.1["status"], "declined");
    mocks.stop().await;
}
