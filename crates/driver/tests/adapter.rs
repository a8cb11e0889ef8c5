//! The adapter file at work: "Qyzmet", a small back office whose API looks
//! nothing like the Driver contract, driven through
//! examples/adapters/egov-like.toml — and adapter files that are wrong.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};
use axum::{Json, Router};
use base64::Engine as _;
use chrono::{DateTime, Duration as Minutes, FixedOffset};
use reglament_driver::adapter::{AdapterError, AdapterFile, AdapterTarget};
use reglament_driver::walk::{walk, Decision, PaymentIntent, Plan};
use reglament_driver::*;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/adapters/egov-like.toml"
);
const PASSWORD: &str = "secret";
const APPLICANT: &str = "900101300123";
const OPERATOR: &str = "850202400456";
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

// ---------------------------------------------------------------- Qyzmet --

#[derive(Clone)]
struct Application {
    no: String,
    state: &'static str,
    needs: Option<&'static str>,
    reject_reason: Option<String>,
    signed: bool,
    history: Vec<Value>,
}

#[derive(Default)]
struct Qyzmet {
    apps: HashMap<String, Application>,
    /// token -> (iin, kind)
    sessions: HashMap<String, (String, String)>,
    clock: Option<DateTime<FixedOffset>>,
    next: u32,
    /// Every request body, by route, for the test to look at.
    seen: Vec<(String, Value)>,
}

type Shared = Arc<Mutex<Qyzmet>>;

impl Qyzmet {
    /// Each event takes a minute of Qyzmet's clock.
    fn tick(&mut self) -> String {
        let start = DateTime::parse_from_rfc3339("2024-03-12T10:00:00+05:00").unwrap();
        let now = self.clock.unwrap_or(start) + Minutes::minutes(1);
        self.clock = Some(now);
        now.format("%d.%m.%Y %H:%M:%S").to_string()
    }

    fn event(&mut self, no: &str, stage: u32, result: &str, note: Option<&str>) {
        let ts = self.tick();
        let app = self.apps.get_mut(no).unwrap();
        app.history
            .push(json!({"stage": stage, "ts": ts, "result": result, "note": note}));
    }
}

fn labels(state: &str) -> Value {
    match state {
        "NEW" => json!({"kz": "Өтінішке ЭЦҚ қойыңыз", "ru": "Подпишите заявление ЭЦП"}),
        "IN_WORK" | "READY" => {
            json!({"kz": "Өтініштің іске алынған", "ru": "Заявление принято в работу"})
        }
        "DONE" => json!({"kz": "Қызмет көрсетілді", "ru": "Услуга оказана"}),
        _ => json!({"kz": "Бас тартылды", "ru": "Отказано"}),
    }
}

fn view(a: &Application) -> Value {
    let bill = if a.signed {
        json!({"no": format!("INV-{}", a.no), "sum": "3130.00", "url": "http://127.0.0.1:9/pay",
               "until": "12.03.2024 12:00:00", "state": "PAID"})
    } else {
        Value::Null
    };
    json!({
        "appNo": a.no, "state": a.state, "labels": labels(a.state), "needs": a.needs,
        "deadline": "19.03.2024", "rejectReason": a.reject_reason, "bill": bill, "history": a.history,
    })
}

fn err(status: StatusCode, code: &str) -> Response {
    (status, Json(json!({"code": code}))).into_response()
}

/// Every call carries `X-Client: reglament`; application calls a session.
#[allow(clippy::result_large_err)] // a test server's early return
fn session(q: &Qyzmet, h: &HeaderMap) -> Result<(String, String), Response> {
    if h.get("x-client").and_then(|v| v.to_str().ok()) != Some("reglament") {
        return Err(err(StatusCode::BAD_REQUEST, "NO_CLIENT"));
    }
    h.get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Token "))
        .and_then(|t| q.sessions.get(t).cloned())
        .ok_or_else(|| err(StatusCode::UNAUTHORIZED, "NO_SESSION"))
}

async fn login(State(s): State<Shared>, h: HeaderMap, Json(b): Json<Value>) -> Response {
    let mut q = s.lock().unwrap();
    q.seen.push(("login".into(), b.clone()));
    if h.get("authorization").is_some() {
        return err(StatusCode::BAD_REQUEST, "TOKEN_AT_LOGIN");
    }
    let kind = b["kind"].as_str().unwrap_or_default().to_string();
    if b["pass"] != PASSWORD || !matches!(kind.as_str(), "CITIZEN" | "EMPLOYEE") {
        let msg = json!({"kz": "Кіруге рұқсат жоқ", "ru": "Вход запрещён"});
        return (
            StatusCode::FORBIDDEN,
            Json(json!({"code": "AUTH_DENIED", "msg": msg})),
        )
            .into_response();
    }
    q.next += 1;
    let token = format!("t-{}", q.next);
    q.sessions.insert(
        token.clone(),
        (b["user"].as_str().unwrap_or_default().into(), kind),
    );
    Json(json!({"access_token": token})).into_response()
}

async fn submit(State(s): State<Shared>, h: HeaderMap, Json(b): Json<Value>) -> Response {
    let mut q = s.lock().unwrap();
    if let Err(r) = session(&q, &h) {
        return r;
    }
    q.seen.push(("submit".into(), b.clone()));
    let known = matches!(b["svc"].as_str(), Some("APOSTIL_EDU" | "ARCH_CERT"))
        && matches!(b["chan"].as_str(), Some("WEB" | "CON" | "OFFICE"))
        && b["payload"].is_object()
        && b["docs"].is_array();
    if !known {
        return err(StatusCode::BAD_REQUEST, "BAD_APPLICATION");
    }
    q.next += 1;
    let no = format!("A-{:06}", q.next);
    let mut app = Application {
        no: no.clone(),
        state: "NEW",
        needs: Some("SIGN"),
        reject_reason: None,
        signed: false,
        history: vec![],
    };
    let refused = b["docs"].as_array().unwrap().is_empty();
    if refused {
        app.state = "REJECTED";
        app.needs = None;
        app.reject_reason = Some("Құжаттар топтамасы толық емес".into());
    }
    q.apps.insert(no.clone(), app);
    if refused {
        q.event(&no, 1, "REJ", Some("no documents"));
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(view(&q.apps[&no]))).into_response();
    }
    q.event(&no, 1, "OK", None);
    let to_sign = format!("Qyzmet {no} {}", b["iin"].as_str().unwrap_or_default());
    (
        StatusCode::CREATED,
        Json(json!({"appNo": no, "state": "NEW", "toSign": to_sign})),
    )
        .into_response()
}

async fn read(State(s): State<Shared>, h: HeaderMap, Path(no): Path<String>) -> Response {
    let q = s.lock().unwrap();
    if let Err(r) = session(&q, &h) {
        return r;
    }
    match q.apps.get(&no) {
        Some(a) => Json(view(a)).into_response(),
        None => err(StatusCode::NOT_FOUND, "NOT_FOUND"),
    }
}

async fn sign(
    State(s): State<Shared>,
    h: HeaderMap,
    Path(no): Path<String>,
    Json(b): Json<Value>,
) -> Response {
    let mut q = s.lock().unwrap();
    if let Err(r) = session(&q, &h) {
        return r;
    }
    q.seen.push(("sign".into(), b.clone()));
    let Some(app) = q.apps.get(&no) else {
        return err(StatusCode::NOT_FOUND, "NOT_FOUND");
    };
    if app.needs != Some("SIGN") {
        return err(StatusCode::CONFLICT, "NOT_SIGNING");
    }
    // Any signature will do, as long as there is one.
    let cms = b["cms"]
        .as_str()
        .and_then(|c| B64.decode(c).ok())
        .unwrap_or_default();
    if cms.is_empty() {
        q.event(&no, 2, "ERR", Some("empty signature"));
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({"ok": false}))).into_response();
    }
    let app = q.apps.get_mut(&no).unwrap();
    app.state = "IN_WORK";
    app.needs = Some("DECIDE");
    app.signed = true;
    q.event(&no, 2, "OK", None);
    Json(json!({"ok": true})).into_response()
}

async fn decision(
    State(s): State<Shared>,
    h: HeaderMap,
    Path(no): Path<String>,
    Json(b): Json<Value>,
) -> Response {
    let mut q = s.lock().unwrap();
    match session(&q, &h) {
        Err(r) => return r,
        Ok((_, kind)) if kind != "EMPLOYEE" => return err(StatusCode::FORBIDDEN, "NOT_EMPLOYEE"),
        Ok(_) => {}
    }
    q.seen.push(("decision".into(), b.clone()));
    let Some(app) = q.apps.get_mut(&no) else {
        return err(StatusCode::NOT_FOUND, "NOT_FOUND");
    };
    if app.needs != Some("DECIDE") {
        return err(StatusCode::CONFLICT, "NOT_DECIDING");
    }
    match (b["verdict"].as_str(), b["comment"].as_str()) {
        (Some("APPROVE"), _) => {
            app.state = "READY";
            app.needs = Some("ISSUE");
            q.event(&no, 3, "OK", None);
        }
        (Some("REJECT"), Some(reason)) if !reason.is_empty() => {
            app.state = "REJECTED";
            app.needs = None;
            app.reject_reason = Some(reason.into());
            q.event(&no, 3, "REJ", Some(reason));
        }
        _ => return err(StatusCode::BAD_REQUEST, "BAD_VERDICT"),
    }
    Json(view(&q.apps[&no])).into_response()
}

async fn issue(State(s): State<Shared>, h: HeaderMap, Path(no): Path<String>) -> Response {
    let mut q = s.lock().unwrap();
    if let Err(r) = session(&q, &h) {
        return r;
    }
    let Some(app) = q.apps.get_mut(&no) else {
        return err(StatusCode::NOT_FOUND, "NOT_FOUND");
    };
    if app.needs != Some("ISSUE") {
        return err(StatusCode::CONFLICT, "NOT_ISSUING");
    }
    app.state = "DONE";
    app.needs = None;
    q.event(&no, 4, "OK", None);
    Json(view(&q.apps[&no])).into_response()
}

async fn certificate(State(s): State<Shared>, h: HeaderMap, Path(no): Path<String>) -> Response {
    let q = s.lock().unwrap();
    if let Err(r) = session(&q, &h) {
        return r;
    }
    let kind = match q.apps.get(&no).map(|a| a.state) {
        None => return err(StatusCode::NOT_FOUND, "NOT_FOUND"),
        Some("DONE") => "RESULT",
        Some("REJECTED") => "REFUSAL",
        Some(_) => return err(StatusCode::CONFLICT, "NOT_READY"),
    };
    let pdf = B64.encode(format!("%PDF-1.4 {kind} {no}"));
    Json(json!({"type": kind, "pdf": pdf, "sig": B64.encode("provider signature")})).into_response()
}

async fn set_time(State(s): State<Shared>, Json(b): Json<Value>) -> Response {
    let now = b["now"]
        .as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok());
    let Some(now) = now else {
        return err(StatusCode::BAD_REQUEST, "BAD_TIME");
    };
    let astana = FixedOffset::east_opt(5 * 3600).unwrap();
    s.lock().unwrap().clock = Some(now.with_timezone(&astana));
    StatusCode::NO_CONTENT.into_response()
}

async fn catalog() -> Json<Value> {
    Json(json!({"items": [
        {"code": "apostille-education-2012", "channels": ["WEB", "CON"], "docs": ["diploma"]},
        {"code": "archival-certificates-astana-2012", "channels": ["WEB"]},
    ]}))
}

/// Says what it was sent.
async fn echo(method: Method, uri: Uri, h: HeaderMap, body: String) -> Json<Value> {
    let header = |n: &str| h.get(n).and_then(|v| v.to_str().ok()).map(String::from);
    Json(json!({
        "method": method.as_str(), "uri": uri.to_string(), "body": body,
        "headers": {"x-api-key": header("x-api-key"), "content-type": header("content-type")},
    }))
}

/// Starts Qyzmet on loopback; its base URL and state.
async fn qyzmet() -> (String, Shared) {
    let state = Shared::default();
    let app = Router::new()
        .route("/api/login", post(login))
        .route("/api/applications", post(submit))
        .route("/api/applications/{no}", get(read))
        .route("/api/applications/{no}/sign", post(sign))
        .route("/api/applications/{no}/decision", post(decision))
        .route("/api/applications/{no}/issue", post(issue))
        .route("/api/applications/{no}/certificate", get(certificate))
        .route("/api/test/time", put(set_time))
        .route("/api/catalog", get(catalog))
        .route("/api/echo", any(echo))
        .route("/api/echo/{*rest}", any(echo))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), state)
}

async fn target() -> (AdapterTarget, Shared) {
    let (url, state) = qyzmet().await;
    let t = AdapterTarget::load(EXAMPLE).unwrap().with_base_url(&url);
    (t, state)
}

fn plan(signed: Arc<Mutex<Vec<u8>>>, decision: Decision) -> Plan {
    Plan {
        service: "apostille-education-2012".into(),
        channel: "portal".into(),
        applicant_iin: APPLICANT.into(),
        applicant_password: PASSWORD.into(),
        operator_iin: OPERATOR.into(),
        operator_password: PASSWORD.into(),
        entity_bin: None,
        attachments: vec!["diploma.pdf".into()],
        sign: Box::new(move |payload| {
            *signed.lock().unwrap() = payload.to_vec();
            b"not really CMS".to_vec()
        }),
        payment: PaymentIntent::Pay,
        decision,
        hearing_reversed: false,
        poll: Duration::from_millis(10),
        give_up_after: Duration::from_secs(10),
    }
}

fn applicant() -> Credentials {
    Credentials {
        role: Role::Applicant,
        iin: APPLICANT.into(),
        password: PASSWORD.into(),
    }
}

// ----------------------------------------------------------------- tests --

#[tokio::test]
async fn a_request_walks_through_the_example_adapter() {
    let (target, state) = target().await;

    let caps = target.capabilities().await.unwrap();
    assert_eq!(caps.contract_version, "1");
    assert_eq!(caps.services.len(), 2);
    assert_eq!(caps.services[0].channels, ["portal", "psc"]);
    assert_eq!(caps.services[0].required_attachments, ["diploma"]);
    assert!(caps.clock_control, "the file maps set_clock");
    assert!(target.set_clock("2024-03-12T08:00:00+04:00").await.unwrap());

    let signed = Arc::new(Mutex::new(Vec::new()));
    let w = walk(
        &target,
        &plan(signed.clone(), Decision::Approve),
        &reqwest::Client::new(),
    )
    .await;
    assert_eq!(w.error, None, "{:#?}", w.calls);
    assert!(!w.gave_up);
    let submitted = w.submitted.as_ref().unwrap();
    assert_eq!(submitted.request_id, "A-000003");
    assert_eq!(submitted.status, "awaiting-signature");
    // signing_payload is Qyzmet's text, base64-encoded by the adapter.
    assert_eq!(
        *signed.lock().unwrap(),
        format!("Qyzmet A-000003 {APPLICANT}").into_bytes()
    );

    let last = w.last.as_ref().unwrap();
    assert!(last.is_final);
    assert_eq!(last.status, "completed");
    assert_eq!(last.status_text.kk, "Қызмет көрсетілді");
    assert_eq!(last.status_text.ru, "Услуга оказана");
    assert_eq!(last.awaiting, None);
    assert_eq!(last.due_date.as_deref(), Some("2024-03-19"));
    let steps: Vec<(u32, &str, &str)> = last
        .events
        .iter()
        .map(|e| (e.step, e.at.as_str(), e.outcome.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (1, "2024-03-12T09:01:00+05:00", "done"),
            (2, "2024-03-12T09:02:00+05:00", "done"),
            (3, "2024-03-12T09:03:00+05:00", "done"),
            (4, "2024-03-12T09:04:00+05:00", "done"),
        ]
    );
    let invoice = last.invoice.as_ref().unwrap();
    assert_eq!(invoice.invoice_id, "INV-A-000003");
    assert_eq!(invoice.amount_kzt, 3130.0);
    assert_eq!(invoice.valid_until, "2024-03-12T12:00:00+05:00");
    assert_eq!(invoice.status.as_deref(), Some("paid"));

    let doc = w.result.as_ref().unwrap();
    assert_eq!(doc.request_id, "A-000003");
    assert_eq!(doc.kind, "result");
    assert_eq!(
        B64.decode(&doc.document_base64).unwrap(),
        b"%PDF-1.4 RESULT A-000003"
    );
    assert!(doc.signature_cms_base64.is_some());

    let ops: Vec<&str> = w.calls.iter().map(|c| c.operation).collect();
    for op in [
        "authenticate-operator",
        "authenticate",
        "submit",
        "read",
        "attach-signature",
        "operator-action",
        "fetch-result",
    ] {
        assert!(ops.contains(&op), "{op} missing from {ops:?}");
    }
    assert!(w.calls.iter().all(|c| c.outcome == "ok"), "{:#?}", w.calls);

    // What Qyzmet was sent: its own names and codes.
    let q = state.lock().unwrap();
    let sent = |route: &str| q.seen.iter().find(|(r, _)| r == route).unwrap().1.clone();
    assert_eq!(
        sent("login"),
        json!({"user": OPERATOR, "pass": PASSWORD, "kind": "EMPLOYEE"})
    );
    assert_eq!(
        sent("submit"),
        json!({"svc": "APOSTIL_EDU", "chan": "WEB", "iin": APPLICANT, "bin": null,
               "payload": {"purpose": "reglament conformance run"}, "docs": ["diploma.pdf"]})
    );
    assert_eq!(sent("sign"), json!({"cms": B64.encode("not really CMS")}));
    assert_eq!(
        sent("decision"),
        json!({"verdict": "APPROVE", "comment": null})
    );
}

#[tokio::test]
async fn refusals_come_back_as_the_contract_says() {
    let (target, _state) = target().await;

    // A refused sign-in (403 here) is an outcome with the texts shown.
    let wrong = Credentials {
        password: "wrong".into(),
        ..applicant()
    };
    let problem = target.authenticate(&wrong).await.unwrap().unwrap_err();
    assert_eq!(problem.error, "AUTH_DENIED");
    assert_eq!(problem.status_text.unwrap().ru, "Вход запрещён");

    let session = target.authenticate(&applicant()).await.unwrap().unwrap();
    assert_eq!(session.iin, APPLICANT, "iin comes from the credentials");

    // A refusal at submission (422), read with the rules of read.
    let incomplete = NewRequest {
        service: "apostille-education-2012".into(),
        channel: "psc".into(),
        applicant_iin: APPLICANT.into(),
        entity_bin: Some("123456789012".into()),
        form: json!({}),
        attachments: vec![],
    };
    let view = target
        .submit(&session.token, &incomplete)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(view.status, "refused");
    assert!(view.is_final);
    assert_eq!(
        view.refusal_reason.as_deref(),
        Some("Құжаттар топтамасы толық емес")
    );
    assert_eq!(view.events[0].outcome, "refused");
    assert_eq!(view.events[0].detail.as_deref(), Some("no documents"));
    assert!(view.invoice.is_none(), "a null bill is no invoice");

    // A refused signature (then_read: the view is read afterwards).
    let complete = NewRequest {
        attachments: vec![Attachment {
            name: "diploma.pdf".into(),
            media_type: "application/pdf".into(),
            content_base64: "JVBERi0=".into(),
        }],
        ..incomplete
    };
    let submitted = target
        .submit(&session.token, &complete)
        .await
        .unwrap()
        .unwrap();
    let id = submitted.request_id;
    let refused = target
        .attach_signature(&session.token, &id, b"")
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(refused.request_id, id);
    assert_eq!(refused.awaiting.as_deref(), Some("signature"));
    assert_eq!(refused.events.last().unwrap().outcome, "failed");
    assert!(
        target.result(&session.token, &id).await.is_err(),
        "409: no result yet"
    );

    // A request Qyzmet does not know.
    match target.read(&session.token, "A-999999").await {
        Err(DriverError::Status {
            status: 404,
            body,
            operation,
        }) => {
            assert_eq!(operation, "readRequest");
            assert!(body.contains("no such request `A-999999`"), "{body}");
        }
        other => panic!("{other:?}"),
    }
    // A status the file does not map: Qyzmet's 403 to an applicant's decision.
    let decide = Action {
        action: "decide".into(),
        decision: Some("approve".into()),
        reason: None,
        attended: None,
    };
    assert!(matches!(
        target.act(&session.token, &id, &decide).await,
        Err(DriverError::Status { status: 403, .. })
    ));
}

#[tokio::test]
async fn a_refusing_provider_gives_a_refusal_document() {
    let (target, state) = target().await;
    let signed = Arc::new(Mutex::new(Vec::new()));
    let plan = plan(signed, Decision::Refuse("Диплом жарамсыз".into()));
    let w = walk(&target, &plan, &reqwest::Client::new()).await;
    assert_eq!(w.error, None, "{:#?}", w.calls);
    let last = w.last.unwrap();
    assert_eq!(last.status, "refused");
    assert_eq!(last.refusal_reason.as_deref(), Some("Диплом жарамсыз"));
    assert_eq!(last.events.last().unwrap().outcome, "refused");
    assert_eq!(w.result.unwrap().kind, "refusal");
    let q = state.lock().unwrap();
    let decision = &q.seen.iter().find(|(r, _)| r == "decision").unwrap().1;
    assert_eq!(
        decision,
        &json!({"verdict": "REJECT", "comment": "Диплом жарамсыз"})
    );
}

/// The example with its capabilities read from Qyzmet's catalog, and
/// set_clock replaced (or removed).
fn variant(set_clock: Option<&str>) -> String {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let start = text.find("[operations.capabilities.static]").unwrap();
    let end = text.find("# POST /api/login").unwrap();
    let clock = text.find("# PUT /api/test/time").unwrap();
    let capabilities = r#"
[operations.capabilities]
path = "/api/catalog"
headers = { "X-Client" = "reglament" }

[operations.capabilities.extract]
contract_version = "1"
services = { each = "$.items[*]", service = "$.code", channels = "$.channels[*]", channels_map = "channels_back", required_attachments = "$.docs" }

[maps.channels_back]
WEB = "portal"
CON = "psc"

"#;
    let mut out = format!("{}{capabilities}{}", &text[..start], &text[end..clock]);
    if let Some(path) = set_clock {
        out.push_str(&format!("[operations.set_clock]\nmethod = \"PUT\"\npath = \"{path}\"\nbody = {{ now = \"{{{{now}}}}\" }}\n"));
    }
    out
}

#[tokio::test]
async fn capabilities_from_the_api_and_a_missing_clock() {
    let (url, _state) = qyzmet().await;
    let file = AdapterFile::parse(&variant(None), "variant.toml").unwrap();
    let target = AdapterTarget::new(file).with_base_url(&url);
    let caps = target.capabilities().await.unwrap();
    assert_eq!(caps.services[0].service, "apostille-education-2012");
    assert_eq!(caps.services[0].channels, ["portal", "psc"]);
    assert_eq!(caps.services[0].required_attachments, ["diploma"]);
    assert_eq!(caps.services[1].channels, ["portal"]);
    assert!(caps.services[1].required_attachments.is_empty());
    assert!(!caps.clock_control);
    assert!(!target.set_clock("2024-03-12T10:00:00+05:00").await.unwrap());

    // A clock route the system does not have: 404, no clock control.
    let file = AdapterFile::parse(&variant(Some("/api/no/clock")), "variant.toml").unwrap();
    let target = AdapterTarget::new(file).with_base_url(&url);
    assert!(!target.set_clock("2024-03-12T10:00:00+05:00").await.unwrap());
}

#[tokio::test]
async fn an_unreachable_system_is_unreachable() {
    let target = AdapterTarget::load(EXAMPLE)
        .unwrap()
        .with_base_url("http://127.0.0.1:9")
        .with_timeout(Duration::from_secs(5));
    assert!(matches!(
        target.authenticate(&applicant()).await,
        Err(DriverError::Unreachable(_))
    ));
}

/// Every operation against Qyzmet's echo: forms, queries, environment
/// variables, whole objects as bodies, encoded paths.
const ECHO: &str = r#"
[target]
base_url = "http://127.0.0.1:1"
headers = { "X-Api-Key" = "{{env.REGLAMENT_ADAPTER_TEST_KEY}}" }

[operations.capabilities]
static = { contract_version = "1", services = [] }

[operations.authenticate]
path = "/api/echo"
form = { user = "{{credentials.iin}}", pass = "{{credentials.password}}", role = "{{credentials.role | upper}}" }
extract = { token = "$.body", iin = "$.headers.x-api-key" }

[operations.submit]
path = "/api/echo"
body = "{{input}}"
extract = { request_id = "$.method", status = "$.body", signing_payload = "$.headers.content-type | base64" }

[operations.attach_signature]
path = "/api/echo/{{request_id}}/sign"
body = { cms = "{{cms_base64}}", size = "{{cms_base64 | json}}" }
extract = { status = "$.body" }

[operations.read]
path = "/api/echo/{{request_id}}"
query = { no = "{{request_id}}", lang = "kk" }
extract = { status = "$.uri", final = "true" }

[operations.act]
method = "PATCH"
path = "/api/echo"
body = "{{action}}"
extract = { status = "$.body", awaiting = "$.method | lower" }

[operations.result]
path = "/api/echo"
extract = { kind = "result", document_base64 = "{{$.method | base64}}" }
"#;

#[tokio::test]
async fn forms_queries_and_whole_objects() {
    std::env::set_var("REGLAMENT_ADAPTER_TEST_KEY", "k-123");
    let (url, _state) = qyzmet().await;
    let file = AdapterFile::parse(ECHO, "echo.toml").unwrap();
    let target = AdapterTarget::new(file).with_base_url(&url);

    let session = target.authenticate(&applicant()).await.unwrap().unwrap();
    assert_eq!(
        session.token,
        format!("user={APPLICANT}&pass={PASSWORD}&role=APPLICANT")
    );
    assert_eq!(session.iin, "k-123");

    let new = NewRequest {
        service: "apostille-education-2012".into(),
        channel: "portal".into(),
        applicant_iin: APPLICANT.into(),
        entity_bin: None,
        form: json!({"surname": "Әбілқасымова", "copies": 2}),
        attachments: vec![],
    };
    let submitted = target.submit("t", &new).await.unwrap().unwrap();
    assert_eq!(submitted.request_id, "POST");
    let sent: Value = serde_json::from_str(&submitted.status).unwrap();
    assert_eq!(sent, serde_json::to_value(&new).unwrap());
    assert_eq!(
        B64.decode(submitted.signing_payload.unwrap()).unwrap(),
        b"application/json"
    );

    let view = target
        .attach_signature("t", "A-1", b"\x30\x80")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.request_id, "A-1");
    let sent: Value = serde_json::from_str(&view.status).unwrap();
    assert_eq!(sent, json!({"cms": "MIA=", "size": "\"MIA=\""}));

    let view = target.read("t", "A/1 ü").await.unwrap();
    assert_eq!(
        view.status,
        "/api/echo/A%2F1%20%C3%BC?no=A%2F1+%C3%BC&lang=kk"
    );
    assert!(view.is_final);

    let hearing = Action {
        action: "hearing".into(),
        decision: None,
        reason: None,
        attended: Some(true),
    };
    let view = target.act("t", "A-1", &hearing).await.unwrap();
    let sent: Value = serde_json::from_str(&view.status).unwrap();
    assert_eq!(sent, json!({"action": "hearing", "attended": true}));
    assert_eq!(view.awaiting.as_deref(), Some("patch"));

    let doc = target.result("t", "A-1").await.unwrap();
    assert_eq!(
        (doc.kind.as_str(), doc.document_base64.as_str()),
        ("result", "R0VU")
    );
    assert!(!target.capabilities().await.unwrap().clock_control);
}

#[tokio::test]
async fn answers_the_rules_cannot_read_are_contract_errors() {
    let (url, _state) = qyzmet().await;
    let text = example().replacen("step = \"$.stage\"", "step = \"$.ts\"", 1);
    let file = AdapterFile::parse(&text, "odd.toml").unwrap();
    let target = AdapterTarget::new(file).with_base_url(&url);
    let session = target.authenticate(&applicant()).await.unwrap().unwrap();
    let new = NewRequest {
        service: "apostille-education-2012".into(),
        channel: "portal".into(),
        applicant_iin: APPLICANT.into(),
        entity_bin: None,
        form: json!({}),
        attachments: vec![],
    };
    let complete = NewRequest {
        attachments: vec![Attachment {
            name: "diploma.pdf".into(),
            media_type: "application/pdf".into(),
            content_base64: "JVBERi0=".into(),
        }],
        ..new
    };
    let id = target
        .submit(&session.token, &complete)
        .await
        .unwrap()
        .unwrap()
        .request_id;
    match target.read(&session.token, &id).await {
        Err(DriverError::Contract { operation, detail }) => {
            assert_eq!(operation, "readRequest");
            assert!(
                detail.contains("adapter odd.toml [operations.read]"),
                "{detail}"
            );
            assert!(
                detail.contains("events[0].step (`$.ts`): expected an integer"),
                "{detail}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A path with a hole is refused before anything is sent.
    match target.read(&session.token, "").await {
        Err(DriverError::Contract { detail, .. }) => assert!(detail.contains("path"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

// --------------------------------------------------------- wrong files --

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    text[..at].matches('\n').count() + 1
}

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

/// `from` replaced by `to` in the example: the error, which must be at the
/// line of `to`.
fn broken(from: &str, to: &str) -> AdapterError {
    let text = example().replacen(from, to, 1);
    let e = AdapterFile::parse(&text, "broken.toml").expect_err(to);
    assert_eq!(e.file, "broken.toml");
    assert_eq!(e.line, Some(line_of(&text, to)), "{e}");
    e
}

#[test]
fn the_example_loads() {
    let file = AdapterFile::load(EXAMPLE).unwrap();
    assert_eq!(file.base_url(), "http://127.0.0.1:8090");
    assert_eq!(file.timeout(), Duration::from_secs(30));
    assert_eq!(file.operations().len(), 8);
}

#[test]
fn malformed_files_say_where() {
    let e = broken("timeout_s = 30", "timeout_s = = 30");
    assert!(
        e.to_string()
            .starts_with(&format!("broken.toml:{}:", e.line.unwrap())),
        "{e}"
    );

    let e = broken("[operations.result]\n", "[operations.results]\n");
    assert!(e.message.contains("unknown operation `results`"), "{e}");
    assert!(
        e.message.contains("attach_signature"),
        "lists the operations: {e}"
    );

    let e = broken("step = \"$.stage\"", "step = \"$.stage[x\"");
    assert!(e.message.contains("bad JSON path `$.stage[x`"), "{e}");
    assert!(
        e.message.contains("operations.read.extract.events.step"),
        "{e}"
    );

    let e = broken(
        "method = \"GET\"\npath = \"/api/applications/{{request_id}}\"",
        "metod = \"GET\"",
    );
    assert!(e.message.contains("unknown key `metod`"), "{e}");

    let e = broken("status = \"$.state\"", "state = \"$.state\"");
    assert!(e.message.contains("unknown field `state`"), "{e}");

    let e = broken("outcome_map = {", "outcom_map = {");
    assert!(e.message.contains("no field `outcom`"), "{e}");

    let e = broken("kind = \"$.type | lower\"", "kind = \"$.type | lowercase\"");
    assert!(e.message.contains("unknown filter `lowercase`"), "{e}");

    let e = broken("map:verdicts", "map:verdict");
    assert!(e.message.contains("no map named `verdict`"), "{e}");

    let e = broken(
        "status = { ok = [201], refused = [422] }",
        "status = { ok = [201, 422], refused = [422] }",
    );
    assert!(e.message.contains("422 is both ok and refused"), "{e}");

    let e = broken("timeout_s = 30", "timeout_s = \"soon\"");
    assert!(e.message.contains("target.timeout_s"), "{e}");

    // A missing rule is reported at its table.
    let text = example().replacen("token = \"$.access_token\"", "# token", 1);
    let e = AdapterFile::parse(&text, "broken.toml").unwrap_err();
    assert_eq!(
        e.line,
        Some(line_of(&text, "[operations.authenticate.extract]")),
        "{e}"
    );
    assert!(
        e.message
            .contains("no rule for the required field(s) token"),
        "{e}"
    );
}

#[test]
fn unknown_template_variables_are_refused_at_load() {
    let e = broken("{{cms_base64}}", "{{cms}}");
    assert!(
        e.message.contains("operations.attach_signature.body.cms"),
        "{e}"
    );
    assert!(e.message.contains("unknown template variable `cms`"), "{e}");
    assert!(
        e.message
            .contains("known here: token, request_id, cms_base64"),
        "{e}"
    );
    assert!(e.message.contains("`{{cms}}`"), "names the template: {e}");

    // request_id is not known yet when submitting.
    let e = broken(
        "path = \"/api/applications\"",
        "path = \"/api/applications/{{request_id}}\"",
    );
    assert!(e.message.contains("operations.submit.path"), "{e}");

    // The answer is read in extract only.
    let e = broken("{{action.reason}}", "{{$.reason}}");
    assert!(e.message.contains("in `extract` only"), "{e}");

    // The default headers know only the token.
    let e = broken("Token {{token}}", "Token {{request_id}}");
    assert!(e.message.contains("target.headers.Authorization"), "{e}");
}

#[test]
fn missing_pieces_and_files() {
    let text = example();
    let cut = text
        .find("# GET /api/applications/{no}/certificate")
        .unwrap();
    let end = text.find("# PUT /api/test/time").unwrap();
    let without_result = format!("{}{}", &text[..cut], &text[end..]);
    let e = AdapterFile::parse(&without_result, "x.toml").unwrap_err();
    assert!(
        e.message.contains("missing required operation(s) result"),
        "{e}"
    );

    let e = AdapterFile::parse("[operations.read]\npath = \"/x\"\n", "x.toml").unwrap_err();
    assert!(e.message.contains("no [target]"), "{e}");

    let e = AdapterFile::parse("[target]\nbase_url = \"ftp://x\"\n[operations]\n", "x.toml")
        .unwrap_err();
    assert_eq!(e.line, Some(2), "{e}");

    let missing = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-adapter.toml");
    let e = AdapterTarget::load(&missing).err().unwrap();
    assert_eq!(e.file, missing.display().to_string());
    assert!(e.message.contains("cannot read"), "{e}");

    // A file on disk names itself in errors.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-adapter.toml");
    std::fs::write(
        &path,
        text.replacen("then_read = true", "then_read = \"yes\"", 1),
    )
    .unwrap();
    let e = AdapterTarget::load(&path).err().unwrap();
    let line = line_of(
        &std::fs::read_to_string(&path).unwrap(),
        "then_read = \"yes\"",
    );
    assert!(
        e.to_string()
            .starts_with(&format!("{}:{line}:", path.display())),
        "{e}"
    );
}
