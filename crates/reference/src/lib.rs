//! The reference implementation: all nine e-services of the seeds behind
//! reglament's Driver contract, calling the state databases, the payment
//! gateway and the certification authority over real HTTP, with a catalogue
//! of named faults (`faults`) that break the regulation in observable ways.
//!
//! It is written from the acts (`flows`), not generated from reglament's
//! model, so that the harness checks something independent of itself.

pub mod api;
mod backends;
mod clock;
pub mod engine;
pub mod faults;
pub mod flows;
pub mod texts;
mod verify;

pub use backends::Backends;
pub use faults::{Fault, Faults};

use chrono::NaiveDate;
use std::net::SocketAddr;
use tokio::task::JoinHandle;

/// The МРП (АЕК) in tenge on a date: the state duty is a multiple of it.
pub fn mrp_kzt(date: NaiveDate) -> f64 {
    reglament_mocks::mrp::mrp_on(date)
        .map(|(kzt, _)| f64::from(kzt))
        .unwrap_or(3_932.0)
}

/// How to start the reference.
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub backends: Backends,
    pub faults: Faults,
    /// The provider's signing certificate and key (PEM) for result documents.
    pub provider_cert_pem: Vec<u8>,
    pub provider_key_pem: Vec<u8>,
    /// How long an invoice stays payable, in seconds.
    pub invoice_validity_s: u64,
    /// The password of every test account.
    pub password: String,
}

impl Config {
    /// The reference pointed at running mocks: their URLs, their CA as the
    /// trust anchor, and the PKI mock's operator certificate as the
    /// provider's signing key.
    pub fn with_mocks(
        mocks: &reglament_mocks::Mocks,
        addr: SocketAddr,
        faults: Faults,
        invoice_validity_s: u64,
        password: String,
    ) -> Result<Config, String> {
        let op = mocks
            .authority
            .sample("operator")
            .ok_or("the PKI mock has no operator certificate")?;
        Ok(Config {
            addr,
            backends: Backends {
                registry_url: mocks.registry.base_url(),
                payment_url: mocks.payment.base_url(),
                pki_url: mocks.pki.base_url(),
                ca_pem: mocks.authority.ca_pem().into_bytes(),
            },
            faults,
            provider_cert_pem: op.cert_pem.into_bytes(),
            provider_key_pem: op.key_pem.into_bytes(),
            invoice_validity_s,
            password,
        })
    }
}

/// A running reference.
pub struct Reference {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl Reference {
    /// The base URL of the Driver contract.
    pub fn base_url(&self) -> String {
        format!("http://{}/reglament/v1", self.addr)
    }

    pub async fn start(cfg: Config) -> std::io::Result<Reference> {
        let listener = tokio::net::TcpListener::bind(cfg.addr).await?;
        let addr = listener.local_addr()?;
        let ctx = engine::Ctx {
            clients: backends::Clients::new(cfg.backends),
            clock: clock::Clock::default(),
            faults: cfg.faults,
            calendar: reglament_calendar::Calendar::builtin(),
            provider_cert_pem: cfg.provider_cert_pem,
            provider_key_pem: cfg.provider_key_pem,
            callback_url: format!("http://{addr}/internal/payment-callback"),
            invoice_validity_s: cfg.invoice_validity_s,
        };
        let app = api::App::new(ctx, cfg.password);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, api::router(app))
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Reference {
            addr,
            shutdown: Some(tx),
            task,
        })
    }

    pub fn has_stopped(&self) -> bool {
        self.task.is_finished()
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.task).await;
    }
}
