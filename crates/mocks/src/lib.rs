//! Mocks of what an e-service implementation talks to: the state databases of
//! individuals and legal entities, the e-government payment gateway, and (in
//! `pki`) the national certification authority. Each is a real HTTP server on
//! loopback with a behaviour profile and a bounded journal of calls.

pub mod iin;
pub mod journal;
pub mod mrp;
pub mod payment;
pub mod pki;
pub mod profile;
pub mod registry;
pub mod server;

use profile::Profile;
use registry::Fixtures;
use serde::Serialize;
use server::{MockServer, Shared};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How to start the mocks.
#[derive(Debug, Clone)]
pub struct MocksConfig {
    pub registry_addr: SocketAddr,
    pub payment_addr: SocketAddr,
    /// The PKI mock (CA, OCSP, CRL); its certificates carry the bound address.
    pub pki_addr: SocketAddr,
    /// Entries each mock's journal keeps (the oldest are dropped beyond it).
    pub journal_capacity: usize,
    pub profiles: BTreeMap<String, Profile>,
    pub fixtures: Fixtures,
    /// How often unpaid invoices are checked for expiry.
    pub sweep_period: Duration,
    /// Where the test CA is kept across starts (`None`: a fresh CA each start).
    pub pki_state_dir: Option<std::path::PathBuf>,
}

impl Default for MocksConfig {
    /// Loopback, ephemeral ports, the shipped fixtures, well-behaved mocks.
    fn default() -> Self {
        let loopback: SocketAddr = "127.0.0.1:0".parse().expect("address");
        MocksConfig {
            registry_addr: loopback,
            payment_addr: loopback,
            pki_addr: loopback,
            journal_capacity: 100_000,
            profiles: BTreeMap::new(),
            fixtures: Fixtures::builtin(),
            sweep_period: Duration::from_millis(100),
            pki_state_dir: None,
        }
    }
}

/// One line of `reglament mocks`' output.
#[derive(Debug, Clone, Serialize)]
pub struct Endpoint {
    pub mock: &'static str,
    pub base_url: String,
}

/// The running mocks.
pub struct Mocks {
    pub registry: MockServer,
    pub payment: MockServer,
    pub gateway: payment::Gateway,
    pub pki: MockServer,
    /// The test certification authority behind `pki`: samples, status, CRL.
    pub authority: pki::Pki,
    pub fixtures: Arc<Fixtures>,
    sweeper: tokio::task::JoinHandle<()>,
}

impl Mocks {
    pub async fn start(cfg: MocksConfig) -> std::io::Result<Mocks> {
        let epoch = Instant::now();
        let profile = |name: &str| cfg.profiles.get(name).cloned().unwrap_or_default();
        let fixtures = Arc::new(cfg.fixtures);

        let reg_shared = Shared::new(
            "registry",
            journal::Journal::new(cfg.journal_capacity, epoch),
            profile("registry"),
            1,
        );
        let registry = server::serve(
            cfg.registry_addr,
            reg_shared,
            registry::routes(fixtures.clone()),
        )
        .await?;

        let pay_shared = Shared::new(
            "payment",
            journal::Journal::new(cfg.journal_capacity, epoch),
            profile("payment"),
            2,
        );
        let gateway = payment::Gateway::new(pay_shared.clone());
        let payment = server::serve(
            cfg.payment_addr,
            pay_shared,
            payment::routes(gateway.clone()),
        )
        .await?;
        gateway.set_base_url(payment.base_url());
        let sweeper = payment::spawn_sweeper(gateway.clone(), cfg.sweep_period);

        let pki_shared = Shared::new(
            "pki",
            journal::Journal::new(cfg.journal_capacity, epoch),
            profile("pki"),
            3,
        );
        let (pki, authority) = pki::start(
            cfg.pki_addr,
            pki_shared,
            fixtures.clone(),
            cfg.pki_state_dir.clone(),
        )
        .await?;
        Ok(Mocks {
            registry,
            payment,
            gateway,
            pki,
            authority,
            fixtures,
            sweeper,
        })
    }

    pub fn endpoints(&self) -> Vec<Endpoint> {
        [&self.registry, &self.payment, &self.pki]
            .into_iter()
            .map(|m| Endpoint {
                mock: m.name,
                base_url: m.base_url(),
            })
            .collect()
    }

    /// The name of a mock whose server stopped on its own, if any: a crashed
    /// mock must be reported as such, not as a failure of the target.
    pub fn crashed(&self) -> Option<&'static str> {
        [&self.registry, &self.payment, &self.pki]
            .into_iter()
            .find(|m| m.has_stopped())
            .map(|m| m.name)
    }

    pub async fn stop(self) {
        self.sweeper.abort();
        self.registry.stop().await;
        self.payment.stop().await;
        self.pki.stop().await;
    }
}
