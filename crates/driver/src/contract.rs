//! A target that speaks the Driver contract natively.

use crate::*;
use serde::de::DeserializeOwned;

pub struct ContractTarget {
    base: String,
    http: reqwest::Client,
    timeout: std::time::Duration,
}

/// TLS to the target: a private CA to trust, and a client certificate for
/// mutual TLS (as the e-government gateway uses).
#[derive(Clone, Default)]
pub struct Tls {
    /// PEM of the CA(s) that issued the target's certificate.
    pub ca_pem: Option<Vec<u8>>,
    /// PEM holding the client certificate (chain) and its private key.
    pub identity_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for Tls {
    /// Never prints the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("ca", &self.ca_pem.as_ref().map(|c| c.len()))
            .field("identity", &self.identity_pem.as_ref().map(|_| "***"))
            .finish()
    }
}

impl ContractTarget {
    /// `base_url` ends in `/reglament/v1` (or wherever the contract is mounted).
    pub fn new(base_url: &str, timeout: std::time::Duration) -> Self {
        Self::with_tls(base_url, timeout, &Tls::default()).expect("no TLS material to read")
    }

    /// The same, with a private CA and/or a client certificate. Bad PEM is
    /// an error here, before any request.
    pub fn with_tls(
        base_url: &str,
        timeout: std::time::Duration,
        tls: &Tls,
    ) -> Result<Self, String> {
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::limited(5));
        if let Some(pem) = &tls.ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| format!("the CA file is not PEM certificates: {e}"))?;
            if certs.is_empty() {
                return Err("the CA file holds no certificate".into());
            }
            for c in certs {
                builder = builder.add_root_certificate(c);
            }
        }
        if let Some(pem) = &tls.identity_pem {
            let id = reqwest::Identity::from_pem(pem)
                .map_err(|e| format!("the client certificate and key are not usable PEM: {e}"))?;
            builder = builder.identity(id);
        }
        let http = builder
            .build()
            .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
        Ok(ContractTarget {
            base: base_url.trim_end_matches('/').to_string(),
            http,
            timeout,
        })
    }

    async fn call(
        &self,
        operation: &'static str,
        req: reqwest::RequestBuilder,
    ) -> Result<(u16, Vec<u8>), DriverError> {
        let r = crate::http::exchange(operation, req, self.timeout).await?;
        // The contract answers JSON; anything else is named, not guessed at.
        if !r.body.is_empty() && !r.content_type.contains("json") {
            return Err(DriverError::Contract {
                operation,
                detail: format!(
                    "HTTP {} with content type \"{}\", not JSON",
                    r.status, r.content_type
                ),
            });
        }
        Ok((r.status, r.body))
    }

    fn parse<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Result<T, DriverError> {
        serde_json::from_slice(body).map_err(|e| DriverError::Contract {
            operation,
            detail: format!(
                "{e}; body: {}",
                String::from_utf8_lossy(&body[..body.len().min(300)])
            ),
        })
    }

    fn unexpected(operation: &'static str, status: u16, body: &[u8]) -> DriverError {
        DriverError::Status {
            operation,
            status,
            body: String::from_utf8_lossy(&body[..body.len().min(500)]).into_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Target for ContractTarget {
    async fn capabilities(&self) -> Result<Capabilities, DriverError> {
        let op = "capabilities";
        match self
            .call(op, self.http.get(self.url("/capabilities")))
            .await?
        {
            (200, b) => Self::parse(op, &b),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn authenticate(&self, c: &Credentials) -> Result<Result<Session, Problem>, DriverError> {
        let op = "authenticate";
        match self
            .call(op, self.http.post(self.url("/sessions")).json(c))
            .await?
        {
            (200 | 201, b) => Ok(Ok(Self::parse(op, &b)?)),
            (401, b) => Ok(Err(Self::parse(op, &b)?)),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn submit(
        &self,
        token: &str,
        r: &NewRequest,
    ) -> Result<Result<Submitted, RequestView>, DriverError> {
        let op = "submitRequest";
        let req = self
            .http
            .post(self.url("/requests"))
            .bearer_auth(token)
            .json(r);
        match self.call(op, req).await? {
            (200 | 201, b) => Ok(Ok(Self::parse(op, &b)?)),
            (422, b) => Ok(Err(Self::parse(op, &b)?)),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn attach_signature(
        &self,
        token: &str,
        request_id: &str,
        cms: &[u8],
    ) -> Result<Result<RequestView, RequestView>, DriverError> {
        use base64::Engine as _;
        let op = "attachSignature";
        let body = serde_json::json!({"cms_base64": base64::engine::general_purpose::STANDARD.encode(cms)});
        let req = self
            .http
            .post(self.url(&format!("/requests/{request_id}/signature")))
            .bearer_auth(token)
            .json(&body);
        match self.call(op, req).await? {
            (200, b) => Ok(Ok(Self::parse(op, &b)?)),
            (422, b) => Ok(Err(Self::parse(op, &b)?)),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn read(&self, token: &str, request_id: &str) -> Result<RequestView, DriverError> {
        let op = "readRequest";
        let req = self
            .http
            .get(self.url(&format!("/requests/{request_id}")))
            .bearer_auth(token);
        match self.call(op, req).await? {
            (200, b) => Self::parse(op, &b),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn act(
        &self,
        token: &str,
        request_id: &str,
        a: &Action,
    ) -> Result<RequestView, DriverError> {
        let op = "operatorAction";
        let req = self
            .http
            .post(self.url(&format!("/requests/{request_id}/actions")))
            .bearer_auth(token)
            .json(a);
        match self.call(op, req).await? {
            (200, b) => Self::parse(op, &b),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn result(&self, token: &str, request_id: &str) -> Result<ResultDocument, DriverError> {
        let op = "fetchResult";
        let req = self
            .http
            .get(self.url(&format!("/requests/{request_id}/result")))
            .bearer_auth(token);
        match self.call(op, req).await? {
            (200, b) => Self::parse(op, &b),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }

    async fn set_clock(&self, now_rfc3339: &str) -> Result<bool, DriverError> {
        let op = "setClock";
        let req = self
            .http
            .put(self.url("/clock"))
            .json(&serde_json::json!({"now": now_rfc3339}));
        match self.call(op, req).await? {
            (200, _) => Ok(true),
            (404 | 501, _) => Ok(false),
            (s, b) => Err(Self::unexpected(op, s, &b)),
        }
    }
}
