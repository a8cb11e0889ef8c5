//! Targets that misbehave: each answer (or non-answer) becomes an error that
//! names the problem, within bounded time and memory.

use axum::body::Body;
use axum::http::{header, Response, StatusCode};
use axum::routing::get;
use axum::Router;
use reglament_driver::{ContractTarget, DriverError, Target};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(1);

fn json(status: StatusCode, body: impl Into<Body>) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

/// One misbehaviour per path prefix: `/{mode}/reglament/v1/capabilities`.
async fn start() -> String {
    let app = Router::new()
        .route(
            "/silent/reglament/v1/capabilities",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                "never"
            }),
        )
        .route(
            "/trickle/reglament/v1/capabilities",
            get(|| async {
                let stream = async_stream_bytes();
                Response::builder()
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from_stream(stream))
                    .unwrap()
            }),
        )
        .route(
            "/garbage/reglament/v1/capabilities",
            get(|| async { json(StatusCode::OK, "{\"contract_version\": ") }),
        )
        .route(
            "/huge/reglament/v1/capabilities",
            get(|| async { json(StatusCode::OK, vec![b' '; 10 * 1024 * 1024]) }),
        )
        .route(
            "/loop/reglament/v1/capabilities",
            get(|| async {
                Response::builder()
                    .status(StatusCode::FOUND)
                    .header(header::LOCATION, "/loop/reglament/v1/capabilities")
                    .body(Body::empty())
                    .unwrap()
            }),
        )
        .route(
            "/html/reglament/v1/capabilities",
            get(|| async {
                Response::builder()
                    .header(header::CONTENT_TYPE, "text/html")
                    .body(Body::from("<html>maintenance</html>"))
                    .unwrap()
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// One byte every 200 ms: a body that would take minutes.
fn async_stream_bytes() -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::unfold(0u32, |n| async move {
        if n > 1000 {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        Some((Ok(b" ".to_vec()), n + 1))
    })
}

/// A listener that accepts and immediately drops every connection.
async fn resetting() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            if let Ok((sock, _)) = listener.accept().await {
                drop(sock);
            }
        }
    });
    format!("http://{addr}")
}

async fn capabilities(
    base: &str,
    mode: &str,
) -> (
    Result<reglament_driver::Capabilities, DriverError>,
    Duration,
) {
    let target = ContractTarget::new(&format!("{base}/{mode}/reglament/v1"), TIMEOUT);
    let t = Instant::now();
    let r = target.capabilities().await;
    (r, t.elapsed())
}

#[tokio::test]
async fn a_target_that_never_answers_times_out() {
    let base = start().await;
    let (r, took) = capabilities(&base, "silent").await;
    assert!(matches!(r, Err(DriverError::Timeout { .. })), "{r:?}");
    assert!(took < Duration::from_secs(10), "bounded: {took:?}");
}

#[tokio::test]
async fn a_body_trickling_in_byte_by_byte_times_out() {
    let base = start().await;
    let (r, took) = capabilities(&base, "trickle").await;
    assert!(matches!(r, Err(DriverError::Timeout { .. })), "{r:?}");
    assert!(took < Duration::from_secs(10), "bounded: {took:?}");
}

#[tokio::test]
async fn invalid_json_is_named() {
    let base = start().await;
    let (r, _) = capabilities(&base, "garbage").await;
    let e = r.unwrap_err().to_string();
    assert!(
        e.contains("does not follow the contract") && e.contains("EOF"),
        "{e}"
    );
}

#[tokio::test]
async fn a_ten_megabyte_body_is_refused_without_reading_it_all() {
    let base = start().await;
    let (r, _) = capabilities(&base, "huge").await;
    let e = r.unwrap_err().to_string();
    assert!(e.contains("larger than"), "{e}");
}

#[tokio::test]
async fn a_redirect_loop_is_cut_short() {
    let base = start().await;
    let (r, took) = capabilities(&base, "loop").await;
    let e = r.unwrap_err().to_string();
    assert!(e.to_lowercase().contains("redirect"), "{e}");
    assert!(took < Duration::from_secs(10));
}

#[tokio::test]
async fn a_wrong_content_type_is_named() {
    let base = start().await;
    let (r, _) = capabilities(&base, "html").await;
    let e = r.unwrap_err().to_string();
    assert!(e.contains("text/html") && e.contains("not JSON"), "{e}");
}

#[tokio::test]
async fn a_connection_reset_is_an_error_not_a_hang() {
    let base = resetting().await;
    let target = ContractTarget::new(&format!("{base}/reglament/v1"), TIMEOUT);
    let t = Instant::now();
    let r = target.capabilities().await;
    assert!(r.is_err(), "{r:?}");
    assert!(t.elapsed() < Duration::from_secs(10));
}
