//! The PKI mock's HTTP routes. Every call goes through the shared middleware
//! (behaviour profile, journal); each handler notes its operation and key
//! fields (serial, IIN, OCSP status), never a private key.

use super::{CertInfo, IssueRequest, OcspAnswer, Pki, PkiError, Reason};
use crate::server::{error, Noted, Shared};
use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// Where the routes find the CA: filled once the server is bound and the CA
/// made (its certificates carry the bound address).
pub type PkiSlot = Arc<OnceLock<Pki>>;

const PEM: &str = "application/x-pem-file";
const OCSP_RESPONSE: &str = "application/ocsp-response";

/// `GET /ca.pem`, `GET /ca.der`, `GET /crl`, `GET /crl.pem`,
/// `GET|POST /certificates`, `GET /certificates/{id}`,
/// `POST /certificates/{id}/revoke`, `POST /ocsp`, `GET /ocsp/{request}`.
pub fn routes(slot: PkiSlot) -> Router<Shared> {
    Router::new()
        .route("/ca.pem", get(ca_pem))
        .route("/ca.der", get(ca_der))
        .route("/crl", get(crl_der))
        .route("/crl.pem", get(crl_pem))
        .route("/certificates", get(list).post(issue))
        .route("/certificates/{id}", get(one))
        .route("/certificates/{id}/revoke", post(revoke))
        .route("/ocsp", post(ocsp_post))
        .route("/ocsp/{*request}", get(ocsp_get))
        .with_state(slot)
}

fn pki(slot: &PkiSlot) -> Option<Pki> {
    slot.get().cloned()
}

fn starting() -> Response {
    error(StatusCode::SERVICE_UNAVAILABLE, "the CA is still starting").into_response()
}

fn failure(noted: Noted, e: PkiError) -> Response {
    let status = match e {
        PkiError::Invalid(_) => StatusCode::BAD_REQUEST,
        PkiError::NotFound(_) => StatusCode::NOT_FOUND,
        PkiError::AlreadyRevoked(_) => StatusCode::CONFLICT,
        PkiError::Crypto(_) | PkiError::Asn1(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (noted, error(status, e.to_string())).into_response()
}

async fn ca_pem(State(slot): State<PkiSlot>) -> Response {
    match pki(&slot) {
        Some(p) => (
            Noted::new("ca.get").field("format", "pem"),
            [(header::CONTENT_TYPE, PEM)],
            p.ca_pem(),
        )
            .into_response(),
        None => starting(),
    }
}

async fn ca_der(State(slot): State<PkiSlot>) -> Response {
    match pki(&slot) {
        Some(p) => (
            Noted::new("ca.get").field("format", "der"),
            [(header::CONTENT_TYPE, "application/pkix-cert")],
            p.ca_der(),
        )
            .into_response(),
        None => starting(),
    }
}

async fn crl_der(State(slot): State<PkiSlot>) -> Response {
    let noted = Noted::new("crl.get").field("format", "der");
    match pki(&slot).map(|p| p.crl_der()) {
        Some(Ok(der)) => {
            (noted, [(header::CONTENT_TYPE, "application/pkix-crl")], der).into_response()
        }
        Some(Err(e)) => failure(noted, e),
        None => starting(),
    }
}

async fn crl_pem(State(slot): State<PkiSlot>) -> Response {
    let noted = Noted::new("crl.get").field("format", "pem");
    match pki(&slot).map(|p| p.crl_pem()) {
        Some(Ok(pem)) => (noted, [(header::CONTENT_TYPE, PEM)], pem).into_response(),
        Some(Err(e)) => failure(noted, e),
        None => starting(),
    }
}

async fn list(State(slot): State<PkiSlot>) -> Response {
    match pki(&slot) {
        Some(p) => (Noted::new("cert.list"), Json(p.certificates())).into_response(),
        None => starting(),
    }
}

#[derive(Serialize)]
struct OneAnswer {
    #[serde(flatten)]
    info: CertInfo,
    cert_pem: String,
    /// Only for the built-in samples (test keys).
    #[serde(skip_serializing_if = "Option::is_none")]
    key_pem: Option<String>,
}

async fn one(State(slot): State<PkiSlot>, Path(id): Path<String>) -> Response {
    let Some(p) = pki(&slot) else {
        return starting();
    };
    let noted = Noted::new("cert.get").field("id", &id);
    match (p.certificate(&id), p.certificate_pem(&id)) {
        (Some(info), Some((cert_pem, key_pem))) => (
            noted.field("serial", &info.serial).field("iin", &info.iin),
            Json(OneAnswer {
                info,
                cert_pem,
                key_pem,
            }),
        )
            .into_response(),
        _ => failure(noted, PkiError::NotFound(id)),
    }
}

async fn issue(
    State(slot): State<PkiSlot>,
    body: Result<Json<IssueRequest>, JsonRejection>,
) -> Response {
    let Some(p) = pki(&slot) else {
        return starting();
    };
    let noted = Noted::new("cert.issue");
    let Json(req) = match body {
        Ok(b) => b,
        Err(e) => return failure(noted, PkiError::Invalid(e.body_text())),
    };
    let noted = noted
        .field("iin", &req.iin)
        .field("validity", req.validity.as_str());
    let noted = match &req.bin {
        Some(bin) => noted.field("bin", bin),
        None => noted,
    };
    match p.issue(&req) {
        Ok(issued) => (
            StatusCode::CREATED,
            noted.field("serial", &issued.serial),
            Json(issued),
        )
            .into_response(),
        Err(e) => failure(noted, e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RevokeBody {
    #[serde(default)]
    reason: Option<Reason>,
}

async fn revoke(State(slot): State<PkiSlot>, Path(id): Path<String>, body: Bytes) -> Response {
    let Some(p) = pki(&slot) else {
        return starting();
    };
    let noted = Noted::new("cert.revoke").field("id", &id);
    let body: RevokeBody = if body.iter().all(u8::is_ascii_whitespace) {
        RevokeBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(b) => b,
            Err(e) => {
                return failure(noted, PkiError::Invalid(format!("bad revoke body: {e}")));
            }
        }
    };
    let noted = match body.reason {
        Some(r) => noted.field("reason", r.as_str()),
        None => noted,
    };
    match p.revoke(&id, body.reason) {
        Ok(info) => (noted.field("serial", &info.serial), Json(info)).into_response(),
        Err(e) => failure(noted, e),
    }
}

async fn ocsp_post(State(slot): State<PkiSlot>, body: Bytes) -> Response {
    match pki(&slot) {
        Some(p) => ocsp_reply(p.respond_ocsp(&body), "POST"),
        None => starting(),
    }
}

/// RFC 6960 Appendix A.1: `GET {url}/{url-encoding of base-64 encoding of the DER request}`.
async fn ocsp_get(State(slot): State<PkiSlot>, Path(request): Path<String>) -> Response {
    let Some(p) = pki(&slot) else {
        return starting();
    };
    let lenient = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let der = lenient
        .decode(request.trim().trim_start_matches('/'))
        .unwrap_or_default();
    ocsp_reply(p.respond_ocsp(&der), "GET")
}

fn ocsp_reply(answer: OcspAnswer, method: &str) -> Response {
    let join = |f: &dyn Fn(&super::OcspCheck) -> String| {
        answer.checks.iter().map(f).collect::<Vec<_>>().join(",")
    };
    let mut noted = Noted::new("ocsp.check")
        .field("method", method)
        .field("response", answer.response_status)
        .field("nonce", answer.nonce);
    if !answer.checks.is_empty() {
        noted = noted
            .field("serial", join(&|c| c.serial.clone()))
            .field("status", join(&|c| c.status.to_string()))
            .field("hash", join(&|c| c.hash.clone()));
        let iins = join(&|c| c.iin.clone().unwrap_or_default());
        if answer.checks.iter().any(|c| c.iin.is_some()) {
            noted = noted.field("iin", iins);
        }
    } else {
        noted = noted.field("status", answer.response_status);
    }
    (
        noted,
        [
            (header::CONTENT_TYPE, OCSP_RESPONSE),
            (header::CACHE_CONTROL, "no-store"),
        ],
        answer.der,
    )
        .into_response()
}
