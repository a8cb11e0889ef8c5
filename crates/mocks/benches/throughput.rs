//! How many calls the mocks answer per second, so a load run can tell that
//! the mocks are not what limits it (docs/mocks.md, "Throughput").
//!
//! Every HTTP benchmark goes over real loopback TCP with a keep-alive
//! `reqwest` client on the same tokio multi-thread runtime as the servers,
//! so client and server share the machine's cores. `baseline/axum-hello`
//! runs the same load against a bare axum route that returns a small JSON:
//! the ratio mock/baseline is the cost of the behaviour profile, the journal
//! and the fixture look-up.
//!
//! One iteration is a batch of [`BATCH`] requests (for the payment flow,
//! [`BATCH`] / 2 invoices each created then paid), spread over `c`
//! concurrent tasks; throughput is counted in HTTP requests.
//! `payment/create-and-pay/c32/held-100k` repeats the payment flow on a
//! gateway already holding 100 000 invoices, as after a long load run.
//!
//! Run: `cargo bench -p reglament-mocks` (about a minute on 2 cores, once built).

use axum::body::Bytes;
use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use der::{Decode, Encode};
use reglament_mocks::journal::{Call, Journal};
use reglament_mocks::{Mocks, MocksConfig};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio::task::JoinSet;
use x509_cert::Certificate;
use x509_ocsp::builder::OcspRequestBuilder;
use x509_ocsp::ext::Nonce;
use x509_ocsp::{CertId, Request, Version};

/// HTTP requests per iteration.
const BATCH: u64 = 256;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client")
}

/// Runs `ops` calls of `op` spread over `concurrency` tasks and returns the
/// wall time they took together.
fn load<F, Fut>(rt: &Runtime, ops: u64, concurrency: u64, op: F) -> Duration
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    rt.block_on(async move {
        let start = Instant::now();
        let mut tasks = JoinSet::new();
        for t in 0..concurrency {
            let n = ops / concurrency + u64::from(t < ops % concurrency);
            let op = op.clone();
            tasks.spawn(async move {
                for _ in 0..n {
                    op().await;
                }
            });
        }
        while let Some(done) = tasks.join_next().await {
            done.expect("load task");
        }
        start.elapsed()
    })
}

/// A GET whose answer must be 200; the body is read to the end.
async fn get_ok(http: &reqwest::Client, url: &str) {
    let r = http.get(url).send().await.expect("answered");
    assert_eq!(r.status(), 200, "{url}");
    r.bytes().await.expect("body");
}

fn a_call() -> Call {
    Call {
        operation: "person.lookup".into(),
        caller: "127.0.0.1:54321".into(),
        received: (chrono::Utc::now(), Instant::now()),
        status: 200,
        fields: BTreeMap::from([
            ("iin".to_string(), "850314382048".to_string()),
            ("found".to_string(), "true".to_string()),
        ]),
    }
}

fn journal(c: &mut Criterion) {
    let mut g = c.benchmark_group("journal");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .throughput(Throughput::Elements(1));
    // The default capacity: once full, each record also drops the oldest entry.
    let j = Journal::new(MocksConfig::default().journal_capacity, Instant::now());
    g.bench_function("record", |b| {
        b.iter_batched(
            a_call,
            |call| j.record("registry", call),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// The bare peer: an axum route on loopback returning a small JSON.
async fn baseline_server() -> (String, tokio::task::JoinHandle<()>) {
    async fn hello(Path(iin): Path<String>) -> Json<Value> {
        Json(json!({"iin": iin, "surname": "ТЕСТОВ", "name": "АЙБЕК", "status": "alive"}))
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let app = Router::new().route("/persons/{iin}", get(hello));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), task)
}

/// A DER OCSP request for one certificate (SHA-1 CertID, with a nonce, as
/// `openssl ocsp` sends it).
fn ocsp_request(ca_der: &[u8], cert_der: &[u8]) -> Vec<u8> {
    let ca = Certificate::from_der(ca_der).expect("CA certificate");
    let cert = Certificate::from_der(cert_der).expect("sample certificate");
    let id = CertId::from_cert::<sha1::Sha1>(&ca, &cert).expect("CertID");
    OcspRequestBuilder::new(Version::V1)
        .with_request(Request::new(id))
        .with_extension(Nonce::new(b"reglament-bench-nonce".to_vec()).expect("nonce"))
        .expect("nonce extension")
        .build()
        .to_der()
        .expect("DER")
}

fn http(c: &mut Criterion) {
    let rt = runtime();
    let mocks = rt
        .block_on(Mocks::start(MocksConfig::default()))
        .expect("mocks start");
    let (baseline, baseline_task) = rt.block_on(baseline_server());
    let http = client();
    let iin = mocks
        .fixtures
        .person_for_case("found")
        .expect("a found person");
    let person_url = Arc::new(format!("{}/persons/{iin}", mocks.registry.base_url()));
    let hello_url = Arc::new(format!("{baseline}/persons/{iin}"));

    for (group, name, url) in [
        ("registry", "person-lookup", &person_url),
        ("baseline", "axum-hello", &hello_url),
    ] {
        let mut g = over_http(c, group);
        for conc in [1, 32] {
            g.bench_function(format!("{name}/c{conc}"), |b| {
                b.iter_custom(|iters| {
                    let (http, url) = (http.clone(), url.clone());
                    load(&rt, iters * BATCH, conc, move || {
                        let (http, url) = (http.clone(), url.clone());
                        async move { get_ok(&http, &url).await }
                    })
                })
            });
        }
        g.finish();
    }

    let good = mocks.authority.sample("good").expect("the good sample");
    let ocsp_body = Bytes::from(ocsp_request(&mocks.authority.ca_der(), &good.cert_der));
    let ocsp_url = Arc::new(mocks.authority.ocsp_url());
    let mut g = over_http(c, "pki");
    // A signed answer per call makes a batch slow: equal-sized samples.
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("ocsp/c32", |b| {
        b.iter_custom(|iters| {
            let (http, url, body) = (http.clone(), ocsp_url.clone(), ocsp_body.clone());
            load(&rt, iters * BATCH, 32, move || {
                let (http, url, body) = (http.clone(), url.clone(), body.clone());
                async move {
                    let r = http
                        .post(url.as_str())
                        .header("content-type", "application/ocsp-request")
                        .body(body)
                        .send()
                        .await
                        .expect("answered");
                    assert_eq!(r.status(), 200);
                    let der = r.bytes().await.expect("body");
                    assert!(der.len() > 100, "a signed OCSP response");
                }
            })
        })
    });
    g.finish();

    let mut g = over_http(c, "payment");
    let payer = Arc::new(iin);
    let invoices = Arc::new(format!("{}/invoices", mocks.payment.base_url()));
    g.bench_function("create-and-pay/c32", |b| {
        b.iter_custom(|iters| create_and_pay(&rt, &http, &invoices, &payer, iters))
    });
    rt.block_on(async move {
        baseline_task.abort();
        mocks.stop().await;
    });

    // The gateway keeps every invoice and scans them all (expiry sweep) on
    // each pay: the same flow on a fresh gateway already holding HELD invoices,
    // as after a long load run.
    let mocks = rt
        .block_on(Mocks::start(MocksConfig::default()))
        .expect("mocks start");
    let invoices = Arc::new(format!("{}/invoices", mocks.payment.base_url()));
    {
        let (http, url, payer) = (http.clone(), invoices.clone(), payer.clone());
        load(&rt, HELD, 32, move || {
            let (http, url, payer) = (http.clone(), url.clone(), payer.clone());
            async move {
                create_invoice(&http, &url, &payer).await;
            }
        });
    }
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function(format!("create-and-pay/c32/held-{}k", HELD / 1000), |b| {
        b.iter_custom(|iters| create_and_pay(&rt, &http, &invoices, &payer, iters))
    });
    g.finish();
    rt.block_on(mocks.stop());
}

/// Invoices already held by the gateway in `payment/create-and-pay/c32/held-…`.
const HELD: u64 = 100_000;

/// Creates an invoice (HTTP 201) and returns its id.
async fn create_invoice(http: &reqwest::Client, url: &str, payer: &str) -> String {
    let r = http
        .post(url)
        .json(&json!({
            "request_id": "BENCH-1", "payer_iin": payer, "amount_kzt": 1966.0,
            "kbk": "108126", "valid_for_s": 3600
        }))
        .send()
        .await
        .expect("answered");
    assert_eq!(r.status(), 201);
    let inv: Value = r.json().await.expect("invoice JSON");
    inv["invoice_id"].as_str().expect("invoice_id").to_string()
}

/// `iters` batches of the payment flow at 32 concurrent tasks: two requests
/// per flow, so a batch of BATCH requests is BATCH / 2 invoices created then paid.
fn create_and_pay(
    rt: &Runtime,
    http: &reqwest::Client,
    invoices: &Arc<String>,
    payer: &Arc<String>,
    iters: u64,
) -> Duration {
    let (http, url, payer) = (http.clone(), invoices.clone(), payer.clone());
    load(rt, iters * BATCH / 2, 32, move || {
        let (http, url, payer) = (http.clone(), url.clone(), payer.clone());
        async move {
            let id = create_invoice(&http, &url, &payer).await;
            let r = http
                .post(format!("{url}/{id}/pay"))
                .send()
                .await
                .expect("answered");
            assert_eq!(r.status(), 200);
            r.bytes().await.expect("body");
        }
    })
}

/// A benchmark group for HTTP load: short warm-up and measurement, so the
/// whole run stays near a minute on 2 cores.
fn over_http<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(10)
        .throughput(Throughput::Elements(BATCH));
    g
}

criterion_group!(benches, journal, http);
criterion_main!(benches);
