//! The harness's side of the Driver contract (contract/driver-v1.openapi.json).
//!
//! [`Target`] is what the runner talks to: [`ContractTarget`] speaks the
//! contract natively over HTTP; an adapter file maps the same operations to
//! another system's own API. Every call is timed with a monotonic clock
//! ([`Timed`]): that is the harness's own evidence of how long a step took.

pub mod adapter;
mod contract;
mod http;
mod types;
pub mod walk;

pub use contract::{ContractTarget, Tls};
pub use types::*;

use std::future::Future;
use std::time::{Duration, Instant};

/// A result with the monotonic time the call took.
#[derive(Debug, Clone)]
pub struct Timed<T> {
    pub value: T,
    pub started: Instant,
    pub elapsed: Duration,
}

pub async fn timed<T, F: Future<Output = T>>(f: F) -> Timed<T> {
    let started = Instant::now();
    let value = f.await;
    Timed {
        value,
        started,
        elapsed: started.elapsed(),
    }
}

/// What can go wrong talking to a target.
#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    /// The target cannot be reached at all (connection refused, DNS, timeout).
    #[error("the target is unreachable: {0}")]
    Unreachable(String),
    /// The target did not finish answering in time (no answer at all, or a
    /// body trickling in).
    #[error("{operation}: no complete answer within {after_s} s")]
    Timeout {
        operation: &'static str,
        after_s: u64,
    },
    /// The target answered with an HTTP status the contract does not expect here.
    #[error("HTTP {status} from {operation}: {body}")]
    Status {
        operation: &'static str,
        status: u16,
        body: String,
    },
    /// The target answered something that is not what the contract says.
    #[error("{operation}: the answer does not follow the contract: {detail}")]
    Contract {
        operation: &'static str,
        detail: String,
    },
}

/// The operations of the Driver contract.
#[allow(async_fn_in_trait)]
pub trait Target {
    async fn capabilities(&self) -> Result<Capabilities, DriverError>;
    /// `Ok(Err(problem))` is a refused authorization (HTTP 401): an outcome, not a failure.
    async fn authenticate(&self, c: &Credentials) -> Result<Result<Session, Problem>, DriverError>;
    /// `Ok(Err(view))` is a refusal at submission (HTTP 422).
    async fn submit(
        &self,
        token: &str,
        r: &NewRequest,
    ) -> Result<Result<Submitted, RequestView>, DriverError>;
    /// `Ok(Err(view))` is a refused signature (HTTP 422).
    async fn attach_signature(
        &self,
        token: &str,
        request_id: &str,
        cms: &[u8],
    ) -> Result<Result<RequestView, RequestView>, DriverError>;
    async fn read(&self, token: &str, request_id: &str) -> Result<RequestView, DriverError>;
    async fn act(
        &self,
        token: &str,
        request_id: &str,
        a: &Action,
    ) -> Result<RequestView, DriverError>;
    async fn result(&self, token: &str, request_id: &str) -> Result<ResultDocument, DriverError>;
    /// `Ok(false)` when the target offers no clock control.
    async fn set_clock(&self, now_rfc3339: &str) -> Result<bool, DriverError>;
}
