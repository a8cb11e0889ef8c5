//! The Driver contract over HTTP (contract/driver-v1.openapi.json), served
//! under `/reglament/v1`.

use crate::engine::{Ctx, Decision, NewRequest, Payment, Request};
use crate::faults::Fault;
use crate::flows::{self, Channel, FLOWS};
use crate::texts::Status;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use base64::Engine as _;
use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

pub const CONTRACT: &str = include_str!("../../../contract/driver-v1.openapi.json");
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Applicant,
    Operator,
}

#[derive(Debug, Clone)]
struct Session {
    role: Role,
    iin: String,
    at: DateTime<FixedOffset>,
}

pub struct App {
    pub ctx: Ctx,
    /// The test password every account of the reference has.
    pub password: String,
    requests: RwLock<HashMap<String, Arc<Mutex<Request>>>>,
    sessions: RwLock<HashMap<String, Session>>,
    next: AtomicU64,
}

impl App {
    pub fn new(ctx: Ctx, password: String) -> Arc<App> {
        Arc::new(App {
            ctx,
            password,
            requests: RwLock::new(HashMap::new()),
            sessions: RwLock::new(HashMap::new()),
            next: AtomicU64::new(1),
        })
    }
    fn request(&self, id: &str) -> Option<Arc<Mutex<Request>>> {
        self.requests.read().expect("lock").get(id).cloned()
    }
}

fn problem(status: StatusCode, error: impl Into<String>) -> Response {
    (status, Json(json!({"error": error.into()}))).into_response()
}

fn session(app: &App, headers: &HeaderMap) -> Result<Session, Box<Response>> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| {
            Box::new(problem(
                StatusCode::UNAUTHORIZED,
                "no session: POST /sessions first",
            ))
        })?;
    app.sessions
        .read()
        .expect("lock")
        .get(token)
        .cloned()
        .ok_or_else(|| {
            Box::new(problem(
                StatusCode::UNAUTHORIZED,
                "unknown or expired session",
            ))
        })
}

fn iin_ok(iin: &str) -> bool {
    iin.len() == 12 && iin.bytes().all(|b| b.is_ascii_digit())
}

async fn capabilities() -> Json<Value> {
    let mut services: Vec<Value> = Vec::new();
    for f in FLOWS {
        match services.iter_mut().find(|s| s["service"] == f.service) {
            Some(s) => s["channels"]
                .as_array_mut()
                .expect("array")
                .push(json!(f.channel)),
            None => services.push(json!({
                "service": f.service,
                "channels": [f.channel],
                "required_attachments": f.terms.required_attachments,
            })),
        }
    }
    Json(json!({
        "contract_version": "1",
        "implementation": {"name": "reglament-reference", "version": env!("CARGO_PKG_VERSION")},
        "services": services,
        "clock_control": true,
    }))
}

#[derive(Deserialize)]
struct Credentials {
    role: String,
    iin: Option<String>,
    password: Option<String>,
    certificate_cms_base64: Option<String>,
}

fn refused(reason: &str) -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({
            "error": "authorization refused",
            "reason": reason,
            "status_text": {"kk": format!("Авторизациядан бас тартылды: {reason}"),
                            "ru": "В авторизации отказано"},
        })),
    )
        .into_response()
}

/// Sign-in with an EDS: the signed token names the role and the time; the
/// certificate is checked like a request's signature (chain, validity, OCSP).
async fn certificate_sign_in(app: &App, role: &str, cms_b64: &str) -> Result<String, Response> {
    let Ok(cms) = B64.decode(cms_b64.trim()) else {
        return Err(problem(
            StatusCode::BAD_REQUEST,
            "certificate_cms_base64 is not base64",
        ));
    };
    let content = match reglament_signature::encapsulated_content(&cms) {
        Ok(Some(c)) => c,
        _ => return Err(refused("the sign-in token carries no content")),
    };
    let text = String::from_utf8_lossy(&content).to_string();
    let Some(rest) = text.strip_prefix(&format!("reglament-sign-in:{role}:")) else {
        return Err(refused("the sign-in token is not for this role"));
    };
    let fresh = DateTime::parse_from_rfc3339(rest)
        .map(|t| (app.ctx.clock.now_utc() - t.to_utc()).num_seconds().abs() <= 300)
        .unwrap_or(false);
    if !fresh {
        return Err(refused("the sign-in token is not fresh"));
    }
    // Verified once: the signature says who signs in; then the certificate
    // is checked like a request's signer (unless the fault skips that).
    let signer = crate::verify::signer(&cms, &content, &app.ctx).map_err(|why| refused(&why))?;
    let Some(iin) = signer.iin.clone() else {
        return Err(refused("the certificate names no IIN"));
    };
    if app
        .ctx
        .faults
        .on(crate::faults::Fault::SignatureNotVerified)
    {
        return Ok(iin);
    }
    match crate::verify::certificate(&signer, &iin, &app.ctx).await {
        Ok(Ok(())) => Ok(iin),
        Ok(Err(why)) => Err(refused(&why)),
        Err(e) => Err(problem(StatusCode::BAD_GATEWAY, e)),
    }
}

async fn authenticate(State(app): State<Arc<App>>, Json(c): Json<Credentials>) -> Response {
    let role = match c.role.as_str() {
        "applicant" => Role::Applicant,
        "operator" => Role::Operator,
        other => return problem(StatusCode::BAD_REQUEST, format!("unknown role \"{other}\"")),
    };
    let iin = if let Some(cms) = &c.certificate_cms_base64 {
        match certificate_sign_in(&app, &c.role, cms).await {
            Ok(iin) => iin,
            Err(r) => return r,
        }
    } else {
        let Some(iin) = c.iin.clone().filter(|i| iin_ok(i)) else {
            return problem(
                StatusCode::BAD_REQUEST,
                "an IIN of 12 digits (or certificate_cms_base64) is required",
            );
        };
        iin
    };
    if c.certificate_cms_base64.is_none() && c.password.as_deref() != Some(app.password.as_str()) {
        let texts = Status::Refused.texts();
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({
                "error": "authorization refused",
                "reason": "ЖСН немесе құпия сөз қате",
                "status_text": {"kk": "Авторизациядан бас тартылды: ЖСН немесе құпия сөз қате",
                                "ru": "В авторизации отказано: неверный ИИН или пароль"},
                "refused": texts,
            })),
        )
            .into_response();
    }
    let token = format!("{:032x}", rand::random::<u128>());
    let at = app.ctx.clock.now();
    app.sessions.write().expect("lock").insert(
        token.clone(),
        Session {
            role,
            iin: iin.clone(),
            at,
        },
    );
    (
        StatusCode::CREATED,
        Json(json!({"token": token, "role": c.role, "iin": iin})),
    )
        .into_response()
}

#[derive(Deserialize)]
struct Attachment {
    name: String,
}

#[derive(Deserialize)]
struct NewRequestBody {
    service: String,
    channel: String,
    applicant_iin: String,
    entity_bin: Option<String>,
    #[serde(default)]
    form: Value,
    #[serde(default)]
    attachments: Vec<Attachment>,
}

async fn submit(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Json(b): Json<NewRequestBody>,
) -> Response {
    let s = match session(&app, &headers) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let Some(channel) = Channel::parse(&b.channel) else {
        return problem(
            StatusCode::NOT_FOUND,
            format!("no channel \"{}\"", b.channel),
        );
    };
    let Some(flow) = flows::find(&b.service, channel) else {
        return problem(
            StatusCode::NOT_FOUND,
            format!("{} is not served through {}", b.service, b.channel),
        );
    };
    if !iin_ok(&b.applicant_iin) {
        return problem(StatusCode::BAD_REQUEST, "applicant_iin must be 12 digits");
    }
    // At the portal the applicant acts; at a desk, the operator.
    let wanted = if channel == Channel::Portal {
        Role::Applicant
    } else {
        Role::Operator
    };
    if s.role != wanted {
        return problem(
            StatusCode::FORBIDDEN,
            format!(
                "through {} the request is submitted by the {:?}",
                b.channel, wanted
            )
            .to_lowercase(),
        );
    }
    if s.role == Role::Applicant && s.iin != b.applicant_iin {
        return problem(
            StatusCode::FORBIDDEN,
            "an applicant submits only their own requests",
        );
    }
    let id = format!("R{:08}", app.next.fetch_add(1, Ordering::Relaxed));
    let payload = serde_json::to_vec(&json!({
        "request_id": id, "service": flow.service, "channel": channel,
        "applicant_iin": b.applicant_iin, "entity_bin": b.entity_bin, "form": b.form,
    }))
    .expect("serialisable");
    let mut req = Request::new(
        NewRequest {
            id: id.clone(),
            flow,
            applicant_iin: b.applicant_iin,
            entity_bin: b.entity_bin,
            attachments: b.attachments.into_iter().map(|a| a.name).collect(),
            signer_iin: s.iin.clone(),
            session_at: s.at,
            payload,
        },
        &app.ctx,
    );
    req.advance(&app.ctx).await;
    let body = compact(json!({
        "request_id": id,
        "status": req.status.code(),
        "signing_payload": flow.needs_signature().then(|| B64.encode(&req.payload)),
    }));
    let refused = req.is_final && req.status != Status::Completed;
    let view = view(&req, &app);
    app.requests
        .write()
        .expect("lock")
        .insert(id, Arc::new(Mutex::new(req)));
    if refused {
        let mut v = view;
        v["error"] = json!("refused at submission");
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(v)).into_response();
    }
    (StatusCode::CREATED, Json(body)).into_response()
}

/// Drops absent (null) members: the contract marks optional fields by
/// leaving them out, not by null.
fn compact(mut v: Value) -> Value {
    if let Value::Object(map) = &mut v {
        map.retain(|_, x| !x.is_null());
        for x in map.values_mut() {
            *x = compact(x.take());
        }
    } else if let Value::Array(items) = &mut v {
        for x in items.iter_mut() {
            *x = compact(x.take());
        }
    }
    v
}

fn view(req: &Request, app: &App) -> Value {
    let faults = &app.ctx.faults;
    let texts = req.texts(faults);
    compact(json!({
        "request_id": req.id,
        "service": req.flow.service,
        "channel": req.flow.channel,
        "status": req.status.code(),
        "status_text": texts,
        "final": req.is_final,
        "awaiting": req.awaiting,
        "due_date": req.due_date,
        "invoice": req.invoice.as_ref().map(|i| json!({
            "invoice_id": i.invoice_id, "amount_kzt": i.amount_kzt, "kbk": i.kbk,
            "pay_url": i.pay_url, "valid_until": i.valid_until, "status": i.status,
        })),
        "refusal_reason": req.refusal_reason,
        "events": req.events,
    }))
}

async fn read(State(app): State<Arc<App>>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(r) = session(&app, &headers) {
        return *r;
    }
    let Some(r) = app.request(&id) else {
        return problem(StatusCode::NOT_FOUND, "no such request");
    };
    let mut req = r.lock().await;
    if !req.is_final {
        req.advance(&app.ctx).await;
    }
    Json(view(&req, &app)).into_response()
}

#[derive(Deserialize)]
struct SignatureBody {
    cms_base64: String,
}

async fn attach_signature(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(b): Json<SignatureBody>,
) -> Response {
    if let Err(r) = session(&app, &headers) {
        return *r;
    }
    if app.ctx.faults.on(Fault::CrashMidFlow) {
        return problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error (fault crash-mid-flow)",
        );
    }
    let Some(r) = app.request(&id) else {
        return problem(StatusCode::NOT_FOUND, "no such request");
    };
    let Ok(cms) = B64.decode(b.cms_base64.trim()) else {
        return problem(StatusCode::BAD_REQUEST, "cms_base64 is not base64");
    };
    let mut req = r.lock().await;
    if req.signature.is_some() || req.is_final {
        return problem(
            StatusCode::CONFLICT,
            "the request is not waiting for a signature",
        );
    }
    let expected = req.signer_iin.clone();
    match crate::verify::check(&cms, &req.payload, &expected, &app.ctx).await {
        Ok(verdict) => req.signature = Some(verdict),
        Err(why) => {
            return problem(StatusCode::BAD_GATEWAY, why);
        }
    }
    req.advance(&app.ctx).await;
    let v = view(&req, &app);
    if matches!(req.signature, Some(Err(_))) {
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(v)).into_response();
    }
    Json(v).into_response()
}

#[derive(Deserialize)]
struct ActionBody {
    action: String,
    decision: Option<String>,
    reason: Option<String>,
    attended: Option<bool>,
}

async fn act(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(b): Json<ActionBody>,
) -> Response {
    let s = match session(&app, &headers) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    if s.role != Role::Operator {
        return problem(
            StatusCode::FORBIDDEN,
            "operator actions need an operator session",
        );
    }
    let Some(r) = app.request(&id) else {
        return problem(StatusCode::NOT_FOUND, "no such request");
    };
    let mut req = r.lock().await;
    if req.is_final {
        return problem(StatusCode::CONFLICT, "the request is final");
    }
    use crate::engine::Awaiting as A;
    match (b.action.as_str(), req.awaiting) {
        ("decide", Some(A::Decision)) => {
            req.decision = Some(match (b.decision.as_deref(), b.reason) {
                (Some("approve"), _) => Decision::Approve,
                (Some("refuse"), Some(reason)) if !reason.trim().is_empty() => {
                    Decision::Refuse { reason }
                }
                (Some("refuse"), _) => {
                    return problem(StatusCode::BAD_REQUEST, "a refusal needs a reason")
                }
                _ => {
                    return problem(
                        StatusCode::BAD_REQUEST,
                        "decision must be approve or refuse",
                    )
                }
            })
        }
        ("hearing", Some(A::Hearing)) => req.hearing_reversed = Some(b.attended.unwrap_or(false)),
        ("issue", Some(A::Issue)) => req.issued = true,
        ("register" | "forward", _) => {} // done by the implementation itself
        (action, awaiting) => {
            return problem(
                StatusCode::CONFLICT,
                format!("\"{action}\" does not fit: the request is awaiting {awaiting:?}")
                    .to_lowercase(),
            )
        }
    }
    req.advance(&app.ctx).await;
    Json(view(&req, &app)).into_response()
}

async fn result(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = session(&app, &headers) {
        return *r;
    }
    let Some(r) = app.request(&id) else {
        return problem(StatusCode::NOT_FOUND, "no such request");
    };
    let req = r.lock().await;
    let Some(doc) = &req.result else {
        return problem(StatusCode::CONFLICT, "no result yet");
    };
    Json(compact(json!({
        "request_id": req.id,
        "kind": doc.kind,
        "document_base64": B64.encode(&doc.document),
        "signature_cms_base64": doc.signature.as_ref().map(|s| B64.encode(s)),
    })))
    .into_response()
}

#[derive(Deserialize)]
struct ClockBody {
    now: String,
}

async fn set_clock(State(app): State<Arc<App>>, Json(b): Json<ClockBody>) -> Response {
    match DateTime::parse_from_rfc3339(&b.now) {
        Ok(t) => {
            app.ctx.clock.set(t.to_utc());
            Json(json!({"now": app.ctx.clock.now().to_rfc3339()})).into_response()
        }
        Err(e) => problem(StatusCode::BAD_REQUEST, format!("now: {e}")),
    }
}

async fn contract() -> Response {
    ([("content-type", "application/json")], CONTRACT).into_response()
}

#[derive(Deserialize)]
struct Notification {
    request_id: String,
    status: String,
}

/// The payment gateway's notification (ЭҮТШ → implementation).
async fn payment_callback(State(app): State<Arc<App>>, Json(n): Json<Notification>) -> Response {
    let Some(r) = app.request(&n.request_id) else {
        return problem(StatusCode::NOT_FOUND, "no such request");
    };
    let mut req = r.lock().await;
    if req.payment.is_none() {
        req.payment = Payment::from_gateway(&n.status, &app.ctx.faults);
        req.advance(&app.ctx).await;
    }
    StatusCode::NO_CONTENT.into_response()
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/reglament/v1/capabilities", get(capabilities))
        .route("/reglament/v1/sessions", post(authenticate))
        .route("/reglament/v1/requests", post(submit))
        .route("/reglament/v1/requests/{id}", get(read))
        .route(
            "/reglament/v1/requests/{id}/signature",
            post(attach_signature),
        )
        .route("/reglament/v1/requests/{id}/actions", post(act))
        .route("/reglament/v1/requests/{id}/result", get(result))
        .route("/reglament/v1/clock", put(set_clock))
        .route("/reglament/v1/openapi.json", get(contract))
        .route("/.well-known/reglament-driver.json", get(contract))
        .route("/internal/payment-callback", post(payment_callback))
        .with_state(app)
}
