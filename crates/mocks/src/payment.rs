//! The payment-gateway mock (ЭҮТШ): invoices for the state duty, the payer's
//! pay/decline, a callback to the implementation, status queries, and expiry
//! of unpaid invoices ("Запрос отменен. Истек срок ожидания оплаты").

use crate::iin;
use crate::journal::Call;
use crate::server::{error, Noted, Shared};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvoiceStatus {
    Issued,
    Paid,
    Declined,
    Expired,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvoice {
    /// The implementation's request id the invoice pays for.
    pub request_id: String,
    pub payer_iin: String,
    pub amount_kzt: f64,
    /// Budget classification code (КБК) the duty is paid to.
    pub kbk: String,
    /// Seconds the invoice stays payable.
    pub valid_for_s: u64,
    /// Where the gateway POSTs status changes.
    #[serde(default)]
    pub callback_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Invoice {
    pub invoice_id: String,
    pub request_id: String,
    pub payer_iin: String,
    pub amount_kzt: f64,
    pub kbk: String,
    pub status: InvoiceStatus,
    pub issued_at: String,
    pub valid_until: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_no: Option<String>,
    /// The payer's page/API: POST `{pay_url}/pay` or `{pay_url}/decline`.
    pub pay_url: String,
    #[serde(skip)]
    callback_url: Option<String>,
    #[serde(skip)]
    deadline: Instant,
}

/// The body of a callback to the implementation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notification {
    pub invoice_id: String,
    pub request_id: String,
    pub status: InvoiceStatus,
    pub at: String,
}

#[derive(Clone)]
pub struct Gateway {
    invoices: Arc<Mutex<HashMap<String, Invoice>>>,
    /// Issued (unsettled) invoices by deadline: the sweeper looks only at
    /// these, so paid invoices held for a long run cost nothing.
    pending: Arc<Mutex<std::collections::BTreeSet<(Instant, String)>>>,
    next: Arc<Mutex<u64>>,
    base_url: Arc<Mutex<String>>,
    shared: Shared,
    http: reqwest::Client,
}

impl Gateway {
    pub fn new(shared: Shared) -> Self {
        Gateway {
            invoices: Arc::default(),
            pending: Arc::default(),
            next: Arc::new(Mutex::new(100_000_001)),
            base_url: Arc::default(),
            shared,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .expect("http client"),
        }
    }

    pub fn set_base_url(&self, url: String) {
        *self.base_url.lock().expect("lock") = url;
    }

    /// Expires every issued invoice whose deadline has passed and notifies.
    pub fn sweep(&self) {
        let now = Instant::now();
        let due: Vec<String> = {
            let mut pending = self.pending.lock().expect("lock");
            let mut due = Vec::new();
            while let Some((deadline, id)) = pending.first().cloned() {
                if deadline > now {
                    break;
                }
                pending.pop_first();
                due.push(id);
            }
            due
        };
        let expired: Vec<Invoice> = {
            let mut map = self.invoices.lock().expect("lock");
            let mut out = Vec::new();
            for id in &due {
                if let Some(i) = map.get_mut(id) {
                    if i.status == InvoiceStatus::Issued {
                        i.status = InvoiceStatus::Expired;
                        out.push(i.clone());
                    }
                }
            }
            out
        };
        for inv in expired {
            self.notify(&inv);
        }
    }

    /// Sends the callback in the background, retrying three times, and
    /// journals each attempt as `callback.sent`.
    fn notify(&self, inv: &Invoice) {
        let Some(url) = inv.callback_url.clone() else {
            return;
        };
        let body = Notification {
            invoice_id: inv.invoice_id.clone(),
            request_id: inv.request_id.clone(),
            status: inv.status,
            at: now_rfc3339(),
        };
        let (http, shared) = (self.http.clone(), self.shared.clone());
        tokio::spawn(async move {
            for attempt in 1..=3u32 {
                let received = (chrono::Utc::now(), Instant::now());
                let status = match http.post(&url).json(&body).send().await {
                    Ok(r) => r.status().as_u16(),
                    Err(_) => 0,
                };
                shared.journal.record(
                    shared.name,
                    Call {
                        operation: "callback.sent".into(),
                        caller: url.clone(),
                        received,
                        status,
                        fields: BTreeMap::from([
                            ("invoice_id".to_string(), body.invoice_id.clone()),
                            ("request_id".to_string(), body.request_id.clone()),
                            (
                                "status".to_string(),
                                format!("{:?}", body.status).to_lowercase(),
                            ),
                            ("attempt".to_string(), attempt.to_string()),
                        ]),
                    },
                );
                if (200..300).contains(&status) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200 * attempt as u64)).await;
            }
        });
    }
}

fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

async fn create(State(g): State<Gateway>, Json(req): Json<NewInvoice>) -> Response {
    let noted = Noted::new("invoice.create")
        .field("request_id", &req.request_id)
        .field("payer_iin", &req.payer_iin);
    if let Err(e) = iin::validate(&req.payer_iin) {
        return (
            noted,
            error(StatusCode::BAD_REQUEST, format!("invalid payer IIN: {e}")),
        )
            .into_response();
    }
    if req.amount_kzt.is_nan()
        || req.amount_kzt <= 0.0
        || req.kbk.trim().is_empty()
        || req.valid_for_s == 0
    {
        return (
            noted,
            error(
                StatusCode::BAD_REQUEST,
                "amount_kzt > 0, a kbk and valid_for_s > 0 are required",
            ),
        )
            .into_response();
    }
    let id = {
        let mut n = g.next.lock().expect("lock");
        *n += 1;
        n.to_string()
    };
    let now = chrono::Utc::now();
    let valid = Duration::from_secs(req.valid_for_s);
    let inv = Invoice {
        invoice_id: id.clone(),
        request_id: req.request_id,
        payer_iin: req.payer_iin,
        amount_kzt: req.amount_kzt,
        kbk: req.kbk,
        status: InvoiceStatus::Issued,
        issued_at: now.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        valid_until: (now + chrono::Duration::from_std(valid).unwrap_or_default())
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        paid_at: None,
        receipt_no: None,
        pay_url: format!("{}/invoices/{id}", g.base_url.lock().expect("lock")),
        callback_url: req.callback_url,
        deadline: Instant::now() + valid,
    };
    g.pending
        .lock()
        .expect("lock")
        .insert((inv.deadline, id.clone()));
    g.invoices
        .lock()
        .expect("lock")
        .insert(id.clone(), inv.clone());
    (
        StatusCode::CREATED,
        noted.field("invoice_id", &id),
        Json(inv),
    )
        .into_response()
}

async fn status(State(g): State<Gateway>, Path(id): Path<String>) -> Response {
    g.sweep();
    let noted = Noted::new("invoice.status").field("invoice_id", &id);
    match g.invoices.lock().expect("lock").get(&id) {
        Some(inv) => (
            noted.field("status", format!("{:?}", inv.status).to_lowercase()),
            Json(inv.clone()),
        )
            .into_response(),
        None => (noted, error(StatusCode::NOT_FOUND, "no such invoice")).into_response(),
    }
}

/// Paying twice is not paying twice: the second call returns the first receipt.
async fn pay(State(g): State<Gateway>, Path(id): Path<String>) -> Response {
    settle(g, id, InvoiceStatus::Paid).await
}

async fn decline(State(g): State<Gateway>, Path(id): Path<String>) -> Response {
    settle(g, id, InvoiceStatus::Declined).await
}

async fn settle(g: Gateway, id: String, to: InvoiceStatus) -> Response {
    g.sweep();
    let op = if to == InvoiceStatus::Paid {
        "invoice.pay"
    } else {
        "invoice.decline"
    };
    let noted = Noted::new(op).field("invoice_id", &id);
    let changed = {
        let mut map = g.invoices.lock().expect("lock");
        let Some(inv) = map.get_mut(&id) else {
            return (noted, error(StatusCode::NOT_FOUND, "no such invoice")).into_response();
        };
        match (inv.status, to) {
            (InvoiceStatus::Issued, _) => {
                g.pending
                    .lock()
                    .expect("lock")
                    .remove(&(inv.deadline, id.clone()));
                inv.status = to;
                if to == InvoiceStatus::Paid {
                    inv.paid_at = Some(now_rfc3339());
                    inv.receipt_no = Some(format!("R{id}"));
                }
                inv.clone()
            }
            (current, wanted) if current == wanted => {
                return (noted.field("repeat", true), Json(inv.clone())).into_response();
            }
            (InvoiceStatus::Expired, _) => {
                let body = serde_json::json!({
                    "error": "expired",
                    "status_text_ru": "Запрос отменен. Истек срок ожидания оплаты",
                    "invoice": inv.clone(),
                });
                return (StatusCode::CONFLICT, noted, Json(body)).into_response();
            }
            (current, _) => {
                return (
                    noted,
                    error(
                        StatusCode::CONFLICT,
                        format!("invoice is already {:?}", current).to_lowercase(),
                    ),
                )
                    .into_response();
            }
        }
    };
    g.notify(&changed);
    (
        noted.field("status", format!("{to:?}").to_lowercase()),
        Json(changed),
    )
        .into_response()
}

/// Routes: `POST /invoices`, `GET /invoices/{id}`, `POST /invoices/{id}/pay`, `POST /invoices/{id}/decline`.
pub fn routes(g: Gateway) -> Router<Shared> {
    Router::new()
        .route("/invoices", post(create))
        .route("/invoices/{id}", get(status))
        .route("/invoices/{id}/pay", post(pay))
        .route("/invoices/{id}/decline", post(decline))
        .with_state(g)
}

/// Expires unpaid invoices in the background, every `period`.
pub fn spawn_sweeper(g: Gateway, period: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period);
        loop {
            tick.tick().await;
            g.sweep();
        }
    })
}
