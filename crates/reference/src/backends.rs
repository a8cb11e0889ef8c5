//! What the reference calls over real HTTP: the state databases, the payment
//! gateway and the certification authority's OCSP responder.

use serde::Deserialize;
use std::time::Duration;

/// Where the mocks (or the real systems) are.
#[derive(Debug, Clone)]
pub struct Backends {
    pub registry_url: String,
    pub payment_url: String,
    pub pki_url: String,
    /// The certification authority's certificate (PEM), trust anchor for signatures.
    pub ca_pem: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found,
    /// Not found, deceased, liquidated: the act's "data not found" refusal.
    Refused(String),
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("{what} unreachable: {source}")]
    Unreachable {
        what: &'static str,
        #[source]
        source: reqwest::Error,
    },
    #[error("{what} answered HTTP {status}")]
    Status { what: &'static str, status: u16 },
    #[error("{what} answered something unreadable: {detail}")]
    Invalid { what: &'static str, detail: String },
}

#[derive(Clone)]
pub struct Clients {
    pub http: reqwest::Client,
    pub at: Backends,
}

#[derive(Debug, Deserialize)]
struct PersonAnswer {
    status: String,
}

#[derive(Debug, Deserialize)]
struct EntityAnswer {
    status: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct InvoiceAnswer {
    pub invoice_id: String,
    pub amount_kzt: f64,
    pub kbk: String,
    pub status: String,
    pub valid_until: String,
    pub pay_url: String,
}

impl Clients {
    pub fn new(at: Backends) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("an HTTP client");
        Clients { http, at }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        url: String,
    ) -> Result<Option<T>, BackendError> {
        let r = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|source| BackendError::Unreachable { what, source })?;
        match r.status().as_u16() {
            404 => Ok(None),
            200 => r.json().await.map(Some).map_err(|e| BackendError::Invalid {
                what,
                detail: e.to_string(),
            }),
            status => Err(BackendError::Status { what, status }),
        }
    }

    /// ЖТ МДҚ: is the applicant on record and alive?
    pub async fn person(&self, iin: &str) -> Result<Lookup, BackendError> {
        let url = format!("{}/persons/{iin}", self.at.registry_url);
        Ok(
            match self
                .get_json::<PersonAnswer>("the state database of individuals", url)
                .await?
            {
                None => Lookup::Refused(format!("ЖСН {iin} жеке тұлғалар МДҚ-да табылмады")),
                Some(p) if p.status != "alive" => Lookup::Refused(format!(
                    "ЖСН {iin}: жеке тұлғалар МДҚ-дағы мәртебесі «{}»",
                    p.status
                )),
                Some(_) => Lookup::Found,
            },
        )
    }

    /// ЗТ МДҚ: is the entity on record and active?
    pub async fn entity(&self, bin: &str) -> Result<Lookup, BackendError> {
        let url = format!("{}/entities/{bin}", self.at.registry_url);
        Ok(
            match self
                .get_json::<EntityAnswer>("the state database of legal entities", url)
                .await?
            {
                None => Lookup::Refused(format!("БСН {bin} заңды тұлғалар МДҚ-да табылмады")),
                Some(e) if e.status != "active" => Lookup::Refused(format!(
                    "БСН {bin}: заңды тұлғалар МДҚ-дағы мәртебесі «{}»",
                    e.status
                )),
                Some(_) => Lookup::Found,
            },
        )
    }

    pub async fn create_invoice(
        &self,
        body: serde_json::Value,
    ) -> Result<InvoiceAnswer, BackendError> {
        let what = "the payment gateway";
        let r = self
            .http
            .post(format!("{}/invoices", self.at.payment_url))
            .json(&body)
            .send()
            .await
            .map_err(|source| BackendError::Unreachable { what, source })?;
        if r.status().as_u16() != 201 {
            return Err(BackendError::Status {
                what,
                status: r.status().as_u16(),
            });
        }
        r.json().await.map_err(|e| BackendError::Invalid {
            what,
            detail: e.to_string(),
        })
    }

    pub async fn invoice(&self, id: &str) -> Result<InvoiceAnswer, BackendError> {
        let url = format!("{}/invoices/{id}", self.at.payment_url);
        self.get_json("the payment gateway", url)
            .await?
            .ok_or(BackendError::Status {
                what: "the payment gateway",
                status: 404,
            })
    }

    /// Asks the OCSP responder about a certificate; DER request in, DER response out.
    pub async fn ocsp(&self, request_der: Vec<u8>) -> Result<Vec<u8>, BackendError> {
        let what = "the OCSP responder";
        let r = self
            .http
            .post(format!("{}/ocsp", self.at.pki_url))
            .header("content-type", "application/ocsp-request")
            .body(request_der)
            .send()
            .await
            .map_err(|source| BackendError::Unreachable { what, source })?;
        if !r.status().is_success() {
            return Err(BackendError::Status {
                what,
                status: r.status().as_u16(),
            });
        }
        r.bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|source| BackendError::Unreachable { what, source })
    }
}
