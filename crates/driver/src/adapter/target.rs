//! [`AdapterTarget`]: the Driver contract's operations, performed through
//! another system's API as an adapter file says.

use super::extract::Mapping;
use super::format::AdapterFile;
use super::operation::{Body, Op, OpKind, Verdict};
use super::template::{encode_component, text, Ctx};
use super::AdapterError;
use crate::*;
use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use std::path::Path;
use std::time::Duration;

/// A [`Target`] driven by an adapter file.
pub struct AdapterTarget {
    file: AdapterFile,
    base: String,
    http: reqwest::Client,
    timeout: Duration,
}

/// What the system answered, and what the file says that means.
struct Answer {
    status: u16,
    verdict: Verdict,
    body: Vec<u8>,
}

fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .expect("an HTTP client")
}

fn excerpt(body: &[u8], max: usize) -> String {
    String::from_utf8_lossy(&body[..body.len().min(max)]).into_owned()
}

impl AdapterTarget {
    /// Loads and checks the adapter file at `path`.
    pub fn load(path: impl AsRef<Path>) -> Result<AdapterTarget, AdapterError> {
        Ok(AdapterTarget::new(AdapterFile::load(path)?))
    }

    pub fn new(file: AdapterFile) -> AdapterTarget {
        AdapterTarget {
            base: file.base_url.clone(),
            http: client(file.timeout),
            timeout: file.timeout,
            file,
        }
    }

    /// Another address for the same system (the file's `base_url` is
    /// the default).
    pub fn with_base_url(mut self, base_url: &str) -> AdapterTarget {
        self.base = base_url.trim_end_matches('/').to_string();
        self
    }

    /// Another time limit per HTTP call (the file's `timeout_s` is the default).
    pub fn with_timeout(mut self, timeout: Duration) -> AdapterTarget {
        self.http = client(timeout);
        self.timeout = timeout;
        self
    }

    pub fn file(&self) -> &AdapterFile {
        &self.file
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn op(&self, kind: OpKind) -> &Op {
        self.file
            .op(kind)
            .expect("required operations are checked at load")
    }

    /// An adapter-side failure: a template that cannot be rendered, an
    /// answer the rules cannot read.
    fn fail(&self, op: &Op, detail: impl std::fmt::Display) -> DriverError {
        DriverError::Contract {
            operation: op.kind.contract_id(),
            detail: format!(
                "adapter {} [operations.{}]: {detail}",
                self.file.origin,
                op.kind.table()
            ),
        }
    }

    fn unexpected(op: &Op, a: &Answer) -> DriverError {
        DriverError::Status {
            operation: op.kind.contract_id(),
            status: a.status,
            body: excerpt(&a.body, 500),
        }
    }

    fn not_found(op: &Op, a: &Answer, request_id: &str) -> DriverError {
        DriverError::Status {
            operation: op.kind.contract_id(),
            status: a.status,
            body: format!("no such request `{request_id}`: {}", excerpt(&a.body, 500)),
        }
    }

    /// Makes the operation's request and classifies the status.
    async fn exchange(&self, op: &Op, vars: &Value) -> Result<Answer, DriverError> {
        let operation = op.kind.contract_id();
        let ctx = Ctx { vars, answer: None };
        let path = op
            .path
            .render_strict(&ctx, encode_component)
            .map_err(|m| self.fail(op, format!("path: {m}")))?;
        let mut req = self
            .http
            .request(op.method.clone(), format!("{}{path}", self.base));
        let mut query = Vec::new();
        for (k, t) in &op.query {
            match t
                .render(&ctx)
                .map_err(|m| self.fail(op, format!("query.{k}: {m}")))?
            {
                Value::Null => {}
                v => query.push((k.as_str(), text(&v))),
            }
        }
        if !query.is_empty() {
            req = req.query(&query);
        }
        let has_token = op.kind.vars().contains(&"token");
        let defaults = self.file.headers.iter().filter(|(name, t)| {
            (has_token || !t.uses("token")) && !op.headers.iter().any(|(n, _)| n == name)
        });
        for (name, t) in defaults.chain(op.headers.iter()) {
            let v = match t
                .render(&ctx)
                .map_err(|m| self.fail(op, format!("headers.{name}: {m}")))?
            {
                Value::Null => continue,
                v => text(&v),
            };
            let v = HeaderValue::from_str(&v).map_err(|_| {
                self.fail(
                    op,
                    format!("headers.{name}: `{}` is not a header value", t.text),
                )
            })?;
            req = req.header(name, v);
        }
        match &op.body {
            Some(Body::Json(tree)) => {
                let body = tree
                    .render(&ctx)
                    .map_err(|m| self.fail(op, format!("body: {m}")))?;
                req = req.json(&body);
            }
            Some(Body::Form(fields)) => {
                let mut form = Vec::new();
                for (k, t) in fields {
                    match t
                        .render(&ctx)
                        .map_err(|m| self.fail(op, format!("form.{k}: {m}")))?
                    {
                        Value::Null => {}
                        v => form.push((k.as_str(), text(&v))),
                    }
                }
                req = req.form(&form);
            }
            None => {}
        }

        let reply = crate::http::exchange(operation, req, self.timeout).await?;
        let (status, body) = (reply.status, reply.body);
        Ok(Answer {
            status,
            verdict: op.status.verdict(status),
            body,
        })
    }

    /// The answer's JSON (`null` for an empty body).
    fn json(&self, op: &Op, a: &Answer) -> Result<Value, DriverError> {
        if a.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&a.body).map_err(|e| DriverError::Contract {
            operation: op.kind.contract_id(),
            detail: format!(
                "HTTP {}: not JSON ({e}); body: {}",
                a.status,
                excerpt(&a.body, 300)
            ),
        })
    }

    /// Runs `mapping` over the answer's JSON.
    fn extract(
        &self,
        op: &Op,
        mapping: &Mapping,
        which: &str,
        vars: &Value,
        a: &Answer,
    ) -> Result<Map<String, Value>, DriverError> {
        let answer = self.json(op, a)?;
        let name = format!("{which} (HTTP {})", a.status);
        let obj = mapping
            .build(vars, &answer, &name)
            .map_err(|m| self.fail(op, format!("{m}; body: {}", excerpt(&a.body, 300))))?;
        mapping
            .check(&obj, &name)
            .map_err(|m| self.fail(op, format!("{m}; body: {}", excerpt(&a.body, 300))))?;
        Ok(obj)
    }

    fn typed<T: DeserializeOwned>(
        &self,
        op: &Op,
        obj: Map<String, Value>,
    ) -> Result<T, DriverError> {
        let value = Value::Object(obj);
        serde_json::from_value(value.clone()).map_err(|e| {
            self.fail(
                op,
                format!("the mapped answer {value} does not fit the contract: {e}"),
            )
        })
    }

    /// A view with what the contract requires and the file may leave out.
    fn view(
        &self,
        op: &Op,
        mut obj: Map<String, Value>,
        vars: &Value,
    ) -> Result<RequestView, DriverError> {
        let id = vars
            .get("request_id")
            .cloned()
            .unwrap_or(Value::String(String::new()));
        obj.entry("request_id").or_insert(id);
        obj.entry("status_text")
            .or_insert(json!({"kk": "", "ru": ""}));
        self.typed(op, obj)
    }

    /// The view of a refusal: by `extract_refused`, or made up from the
    /// status and the body.
    fn refused_view(
        &self,
        op: &Op,
        a: &Answer,
        vars: &Value,
        is_final: bool,
    ) -> Result<RequestView, DriverError> {
        let obj = match &op.extract_refused {
            Some(m) => self.extract(op, m, "extract_refused", vars, a)?,
            None => {
                let mut obj = Map::new();
                obj.insert("status".into(), json!("refused"));
                obj.insert("final".into(), json!(is_final));
                let reason = excerpt(&a.body, 500);
                if !reason.trim().is_empty() {
                    obj.insert("refusal_reason".into(), json!(reason));
                }
                obj
            }
        };
        self.view(op, obj, vars)
    }

    /// read and act: the view, or `None` where the file says to read the
    /// request afterwards (`then_read`).
    async fn answer_view(
        &self,
        op: &Op,
        vars: Value,
        request_id: &str,
    ) -> Result<Option<RequestView>, DriverError> {
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok if op.then_read => Ok(None),
            Verdict::Ok => {
                let obj = self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?;
                Ok(Some(self.view(op, obj, &vars)?))
            }
            Verdict::NotFound => Err(Self::not_found(op, &a, request_id)),
            _ => Err(Self::unexpected(op, &a)),
        }
    }
}

impl Target for AdapterTarget {
    async fn capabilities(&self) -> Result<Capabilities, DriverError> {
        let op = self.op(OpKind::Capabilities);
        let mut obj = match &op.fixed {
            Some(Value::Object(fixed)) => fixed.clone(),
            _ => {
                let vars = json!({});
                let a = self.exchange(op, &vars).await?;
                if a.verdict != Verdict::Ok {
                    return Err(Self::unexpected(op, &a));
                }
                self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?
            }
        };
        let clock = self.file.op(OpKind::SetClock).is_some();
        obj.entry("clock_control").or_insert(Value::Bool(clock));
        self.typed(op, obj)
    }

    async fn authenticate(&self, c: &Credentials) -> Result<Result<Session, Problem>, DriverError> {
        let op = self.op(OpKind::Authenticate);
        let vars = json!({ "credentials": c });
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok => {
                let mut obj = self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?;
                obj.entry("iin").or_insert(json!(c.iin));
                Ok(Ok(self.typed(op, obj)?))
            }
            Verdict::Refused => {
                let mut obj = match &op.extract_refused {
                    Some(m) => self.extract(op, m, "extract_refused", &vars, &a)?,
                    None => {
                        let mut obj = Map::new();
                        let reason = excerpt(&a.body, 500);
                        if !reason.trim().is_empty() {
                            obj.insert("reason".into(), json!(reason));
                        }
                        obj
                    }
                };
                obj.entry("error")
                    .or_insert(json!(format!("refused (HTTP {})", a.status)));
                Ok(Err(self.typed(op, obj)?))
            }
            _ => Err(Self::unexpected(op, &a)),
        }
    }

    async fn submit(
        &self,
        token: &str,
        r: &NewRequest,
    ) -> Result<Result<Submitted, RequestView>, DriverError> {
        let op = self.op(OpKind::Submit);
        let vars = json!({ "token": token, "input": r });
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok => {
                let obj = self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?;
                Ok(Ok(self.typed(op, obj)?))
            }
            Verdict::Refused => Ok(Err(self.refused_view(op, &a, &vars, true)?)),
            _ => Err(Self::unexpected(op, &a)),
        }
    }

    async fn attach_signature(
        &self,
        token: &str,
        request_id: &str,
        cms: &[u8],
    ) -> Result<Result<RequestView, RequestView>, DriverError> {
        use base64::Engine as _;
        let op = self.op(OpKind::AttachSignature);
        let cms_base64 = base64::engine::general_purpose::STANDARD.encode(cms);
        let vars = json!({ "token": token, "request_id": request_id, "cms_base64": cms_base64 });
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok if op.then_read => Ok(Ok(self.read(token, request_id).await?)),
            Verdict::Ok => {
                let obj = self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?;
                Ok(Ok(self.view(op, obj, &vars)?))
            }
            Verdict::Refused if op.then_read && op.extract_refused.is_none() => {
                Ok(Err(self.read(token, request_id).await?))
            }
            Verdict::Refused => Ok(Err(self.refused_view(op, &a, &vars, false)?)),
            Verdict::NotFound => Err(Self::not_found(op, &a, request_id)),
            Verdict::Unexpected => Err(Self::unexpected(op, &a)),
        }
    }

    async fn read(&self, token: &str, request_id: &str) -> Result<RequestView, DriverError> {
        let op = self.op(OpKind::Read);
        let vars = json!({ "token": token, "request_id": request_id });
        let view = self.answer_view(op, vars, request_id).await?;
        Ok(view.expect("read has no then_read (checked at load)"))
    }

    async fn act(
        &self,
        token: &str,
        request_id: &str,
        action: &Action,
    ) -> Result<RequestView, DriverError> {
        let op = self.op(OpKind::Act);
        let vars = json!({ "token": token, "request_id": request_id, "action": action });
        match self.answer_view(op, vars, request_id).await? {
            Some(view) => Ok(view),
            None => self.read(token, request_id).await,
        }
    }

    async fn result(&self, token: &str, request_id: &str) -> Result<ResultDocument, DriverError> {
        let op = self.op(OpKind::Result);
        let vars = json!({ "token": token, "request_id": request_id });
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok => {
                let mut obj = self.extract(
                    op,
                    op.extract.as_ref().expect("checked at load"),
                    "extract",
                    &vars,
                    &a,
                )?;
                obj.entry("request_id").or_insert(json!(request_id));
                self.typed(op, obj)
            }
            Verdict::NotFound => Err(Self::not_found(op, &a, request_id)),
            _ => Err(Self::unexpected(op, &a)),
        }
    }

    async fn set_clock(&self, now_rfc3339: &str) -> Result<bool, DriverError> {
        let Some(op) = self.file.op(OpKind::SetClock) else {
            return Ok(false);
        };
        let vars = json!({ "now": now_rfc3339 });
        let a = self.exchange(op, &vars).await?;
        match a.verdict {
            Verdict::Ok => Ok(true),
            Verdict::NotFound => Ok(false),
            _ => Err(Self::unexpected(op, &a)),
        }
    }
}
