//! What every mock shares: a loopback HTTP server, the behaviour profile
//! applied to each call, the journal, and the admin endpoints
//! (`GET /_journal`, `GET`/`PUT /_profile`), which are neither journaled nor
//! subject to the profile.

use crate::journal::{Call, Journal, Page};
use crate::profile::{Fate, Profile};
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, IntoResponseParts, Response, ResponseParts};
use axum::routing::get;
use axum::{Json, Router};
use rand::SeedableRng;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;
use tokio::task::JoinHandle;

/// What a handler tells the journal about its call: a stable operation name
/// and the key fields. Returned as a response part.
#[derive(Debug, Clone, Default)]
pub struct Noted {
    pub operation: String,
    pub fields: BTreeMap<String, String>,
}

impl Noted {
    pub fn new(operation: &str) -> Self {
        Noted {
            operation: operation.to_string(),
            fields: BTreeMap::new(),
        }
    }
    pub fn field(mut self, key: &str, value: impl ToString) -> Self {
        self.fields.insert(key.to_string(), value.to_string());
        self
    }
}

impl IntoResponseParts for Noted {
    type Error = std::convert::Infallible;
    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.extensions_mut().insert(self);
        Ok(res)
    }
}

/// The state every mock's middleware reads.
#[derive(Clone)]
pub struct Shared {
    pub name: &'static str,
    pub journal: Journal,
    pub profile: Arc<RwLock<Profile>>,
    rng: Arc<Mutex<rand::rngs::SmallRng>>,
}

impl Shared {
    pub fn new(name: &'static str, journal: Journal, profile: Profile, seed: u64) -> Self {
        Shared {
            name,
            journal,
            profile: Arc::new(RwLock::new(profile)),
            rng: Arc::new(Mutex::new(rand::rngs::SmallRng::seed_from_u64(seed))),
        }
    }
}

async fn behave(
    State(shared): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/_") {
        return next.run(req).await;
    }
    let received = (chrono::Utc::now(), Instant::now());
    let route = format!("{} {}", req.method(), req.uri().path());
    let (fate, delay) = {
        let profile = shared.profile.read().expect("profile lock").clone();
        let mut rng = shared.rng.lock().expect("rng lock");
        profile.draw(&mut *rng)
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let response = match fate {
        Fate::Answer => next.run(req).await,
        Fate::Fail => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(serde_json::json!({"error": "injected failure (behaviour profile)"})),
        )
            .into_response(),
        Fate::Hang => (
            StatusCode::GATEWAY_TIMEOUT,
            Json(serde_json::json!({"error": "injected hang (behaviour profile)"})),
        )
            .into_response(),
        Fate::Outage => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"error": "outage (behaviour profile)"})),
        )
            .into_response(),
    };
    let noted = response
        .extensions()
        .get::<Noted>()
        .cloned()
        .unwrap_or_else(|| Noted::new(&route));
    let mut fields = noted.fields;
    if fate != Fate::Answer {
        fields.insert("injected".into(), format!("{fate:?}").to_lowercase());
    }
    shared.journal.record(
        shared.name,
        Call {
            operation: noted.operation,
            caller: peer.to_string(),
            received,
            status: response.status().as_u16(),
            fields,
        },
    );
    response
}

#[derive(Debug, Deserialize)]
struct JournalQuery {
    #[serde(default)]
    since: u64,
    operation: Option<String>,
    /// `key:value`, e.g. `iin:900101300017`
    field: Option<String>,
    limit: Option<usize>,
}

async fn get_journal(State(shared): State<Shared>, Query(q): Query<JournalQuery>) -> Json<Page> {
    let field = q.field.as_deref().and_then(|f| f.split_once(':'));
    Json(shared.journal.query(
        q.since,
        q.operation.as_deref(),
        field,
        q.limit.unwrap_or(1000).min(10_000),
    ))
}

async fn get_profile(State(shared): State<Shared>) -> Json<Profile> {
    Json(shared.profile.read().expect("profile lock").clone())
}

async fn put_profile(State(shared): State<Shared>, Json(p): Json<Profile>) -> Response {
    if let Err(problem) = p.validate() {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"error": problem})),
        )
            .into_response();
    }
    *shared.profile.write().expect("profile lock") = p.clone();
    Json(p).into_response()
}

/// A running mock.
pub struct MockServer {
    pub name: &'static str,
    pub addr: SocketAddr,
    pub shared: Shared,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl MockServer {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting calls and waits for calls in flight to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }

    /// True when the server task ended on its own (it crashed).
    pub fn has_stopped(&self) -> bool {
        self.task.is_finished()
    }

    /// A handle that kills the server abruptly, as a crash would: for
    /// testing that a crashed mock is reported as such.
    pub fn crash_handle(&self) -> tokio::task::AbortHandle {
        self.task.abort_handle()
    }
}

/// Binds `addr` and serves `routes` with the shared behaviour, journal and admin endpoints.
pub async fn serve(
    addr: SocketAddr,
    shared: Shared,
    routes: Router<Shared>,
) -> std::io::Result<MockServer> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let app = routes
        .route("/_journal", get(get_journal))
        .route("/_profile", get(get_profile).put(put_profile))
        .layer(axum::middleware::from_fn_with_state(shared.clone(), behave))
        .with_state(shared.clone());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = rx.await;
        })
        .await;
    });
    Ok(MockServer {
        name: shared.name,
        addr,
        shared,
        shutdown: Some(tx),
        task,
    })
}

/// A JSON error answer with a status.
pub fn error(
    status: StatusCode,
    message: impl Into<String>,
) -> (StatusCode, Json<serde_json::Value>) {
    (status, Json(serde_json::json!({"error": message.into()})))
}
