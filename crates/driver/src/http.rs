//! One HTTP exchange with a target, shared by the contract and adapter
//! targets: errors named (timeout, unreachable with its whole cause chain,
//! off-contract), and bodies capped so a target cannot exhaust the harness.

use crate::DriverError;

/// Bodies larger than this are refused.
pub(crate) const MAX_BODY: usize = 4 * 1024 * 1024;

/// What came back: status, content type and the (capped) body.
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

pub(crate) async fn exchange(
    operation: &'static str,
    req: reqwest::RequestBuilder,
    timeout: std::time::Duration,
) -> Result<Reply, DriverError> {
    let after_s = timeout.as_secs();
    let resp = req.send().await.map_err(|e| {
        if e.is_timeout() {
            DriverError::Timeout { operation, after_s }
        } else if e.is_connect() {
            // TLS failures (unknown CA, client certificate refused) surface
            // as connect errors: keep the whole cause chain in the message.
            let mut cause = String::new();
            let mut next = std::error::Error::source(&e);
            while let Some(c) = next {
                cause.push_str(&format!(": {c}"));
                next = c.source();
            }
            DriverError::Unreachable(format!("{operation}: {e}{cause}"))
        } else {
            DriverError::Contract {
                operation,
                detail: e.to_string(),
            }
        }
    })?;
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut body = Vec::new();
    let mut resp = resp;
    while let Some(chunk) = resp.chunk().await.map_err(|e| {
        if e.is_timeout() {
            DriverError::Timeout { operation, after_s }
        } else {
            DriverError::Contract {
                operation,
                detail: format!("reading the body: {e}"),
            }
        }
    })? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_BODY {
            return Err(DriverError::Contract {
                operation,
                detail: format!("body larger than {MAX_BODY} bytes"),
            });
        }
    }
    Ok(Reply {
        status,
        content_type,
        body,
    })
}
