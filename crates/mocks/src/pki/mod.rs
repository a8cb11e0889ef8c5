//! The PKI mock: a test certification authority standing in for the
//! national one (ҰКО / НУЦ РК), with sample certificates in the Kazakh
//! national subject form, an OCSP responder (RFC 6960) and a CRL.
//!
//! Everything is made afresh at each start: a new CA key, new sample keys.
//! The sample keys are test keys and are handed out (HTTP, `write_samples`);
//! keys of certificates issued on request are returned once and not kept.
//! No private key is ever written to the journal.
//!
//! HTTP routes (see [`routes`]): `GET /ca.pem`, `GET /ca.der`, `GET /crl`,
//! `GET /crl.pem`, `GET /certificates`, `GET /certificates/{name-or-serial}`,
//! `POST /certificates`, `POST /certificates/{name-or-serial}/revoke`,
//! `POST /ocsp`, `GET /ocsp/{base64 request}`.

mod ca;
mod ocsp;
mod routes;
mod samples;
mod types;

pub use ocsp::{OcspAnswer, OcspCheck};
pub use routes::{routes, PkiSlot};
pub use types::{
    CertInfo, Holder, IssueRequest, Issued, Manifest, ManifestSample, Organization, PkiError,
    Reason, Sample, Status, Validity,
};

use crate::iin;
use crate::registry::Fixtures;
use crate::server::{MockServer, Shared};
use ca::{Authority, RevokedEntry, Urls};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The samples issued at start, in the order they are listed.
pub const SAMPLES: &[&str] = &[
    "good",
    "revoked",
    "expired",
    "not-yet-valid",
    "iin-mismatch",
    "name-mismatch",
    "operator",
];

/// How old a CRL may get before it is signed again on the next read.
const CRL_REFRESH: Duration = Duration::from_secs(3600);
/// The nextUpdate of OCSP answers, from now.
const OCSP_NEXT_UPDATE: Duration = Duration::from_secs(3600);

struct Revocation {
    at: time::OffsetDateTime,
    reason: Option<Reason>,
}

struct Record {
    name: Option<String>,
    serial: Vec<u8>,
    serial_hex: String,
    subject: String,
    holder: Holder,
    applicant_iin: Option<String>,
    not_before: time::OffsetDateTime,
    not_after: time::OffsetDateTime,
    cert_der: Vec<u8>,
    cert_pem: String,
    /// Kept for the built-in samples only.
    key_pem: Option<String>,
    revoked: Option<Revocation>,
}

struct Crl {
    der: Vec<u8>,
    pem: String,
    number: u64,
    signed: Instant,
}

struct Store {
    records: BTreeMap<String, Record>,
    names: BTreeMap<String, String>,
    crl: Option<Crl>,
}

struct Inner {
    ca: Authority,
    base_url: String,
    fixtures: Arc<Fixtures>,
    store: Mutex<Store>,
}

/// The running certification authority. Cheap to clone (shared state).
#[derive(Clone)]
pub struct Pki {
    inner: Arc<Inner>,
}

/// Binds the PKI mock on `addr`, makes the CA and the samples (their OCSP
/// and CRL URLs point at the bound address) and serves them.
pub async fn start(
    addr: SocketAddr,
    shared: Shared,
    fixtures: Arc<Fixtures>,
    state_dir: Option<std::path::PathBuf>,
) -> std::io::Result<(MockServer, Pki)> {
    let slot: PkiSlot = Arc::new(OnceLock::new());
    let server = crate::server::serve(addr, shared, routes(slot.clone())).await?;
    let base = server.base_url();
    let pki =
        tokio::task::spawn_blocking(move || Pki::with_state(&base, fixtures, state_dir.as_deref()))
            .await
            .map_err(std::io::Error::other)?
            .map_err(std::io::Error::other)?;
    let _ = slot.set(pki.clone());
    Ok((server, pki))
}

impl Pki {
    /// A new CA whose certificates point at `base_url` (`{base_url}/ocsp`,
    /// `{base_url}/crl`), with the samples of [`SAMPLES`] issued.
    pub fn new(base_url: &str, fixtures: Arc<Fixtures>) -> Result<Pki, PkiError> {
        Self::with_state(base_url, fixtures, None)
    }

    /// The same, with the CA kept in `state_dir` across starts (see
    /// [`Authority::load_or_create`]); the samples are issued afresh.
    pub fn with_state(
        base_url: &str,
        fixtures: Arc<Fixtures>,
        state_dir: Option<&std::path::Path>,
    ) -> Result<Pki, PkiError> {
        let pki = Pki {
            inner: Arc::new(Inner {
                ca: Authority::load_or_create(state_dir)?,
                base_url: base_url.trim_end_matches('/').to_string(),
                fixtures,
                store: Mutex::new(Store {
                    records: BTreeMap::new(),
                    names: BTreeMap::new(),
                    crl: None,
                }),
            }),
        };
        pki.issue_samples()?;
        pki.refresh_crl(true)?;
        Ok(pki)
    }

    fn urls(&self) -> Urls {
        Urls {
            ocsp: self.ocsp_url(),
            crl: self.crl_url(),
            ca_issuers: format!("{}/ca.der", self.inner.base_url),
        }
    }

    /// Issues and records a certificate; a built-in sample keeps its key.
    fn issue_for(
        &self,
        holder: Holder,
        validity: Validity,
        sample: Option<(&str, String)>,
    ) -> Result<Issued, PkiError> {
        let (not_before, not_after) = validity.window(ca::now_seconds());
        let fresh = self
            .inner
            .ca
            .issue(&holder, not_before, not_after, &self.urls())?;
        let serial_hex = hex(&fresh.serial);
        let issued = Issued {
            serial: serial_hex.clone(),
            subject: fresh.subject.clone(),
            not_before: rfc3339(not_before),
            not_after: rfc3339(not_after),
            cert_pem: fresh.pem.clone(),
            key_pem: fresh.key_pem,
        };
        let (name, applicant_iin) = sample.unzip();
        let record = Record {
            name: name.map(str::to_string),
            serial: fresh.serial,
            serial_hex: serial_hex.clone(),
            subject: fresh.subject,
            holder,
            applicant_iin,
            not_before,
            not_after,
            cert_der: fresh.der,
            cert_pem: fresh.pem,
            key_pem: name.map(|_| issued.key_pem.clone()),
            revoked: None,
        };
        let mut store = self.lock();
        if let Some(name) = name {
            store.names.insert(name.to_string(), serial_hex.clone());
        }
        store.records.insert(serial_hex, record);
        Ok(issued)
    }

    /// Issues a certificate on request. The key is returned, not kept.
    pub fn issue(&self, req: &IssueRequest) -> Result<Issued, PkiError> {
        let holder = self.holder_for(req)?;
        self.issue_for(holder, req.validity, None)
    }

    fn holder_for(&self, req: &IssueRequest) -> Result<Holder, PkiError> {
        iin::validate(&req.iin).map_err(|e| PkiError::Invalid(format!("invalid IIN: {e}")))?;
        let surname = req.surname.trim();
        let name = req.name.trim();
        if surname.is_empty() || name.is_empty() {
            return Err(PkiError::Invalid("surname and name are required".into()));
        }
        let org = match (&req.bin, &req.org) {
            (None, None) => None,
            (None, Some(_)) => return Err(PkiError::Invalid("org needs a bin".into())),
            (Some(bin), org) => {
                iin::validate(bin).map_err(|e| PkiError::Invalid(format!("invalid BIN: {e}")))?;
                let name = match org {
                    Some(o) if !o.trim().is_empty() => o.trim().to_string(),
                    _ => self
                        .inner
                        .fixtures
                        .entity(bin)
                        .map(|e| e.name.clone())
                        .ok_or_else(|| {
                            PkiError::Invalid(format!(
                                "no org given and BIN {bin} is not in the registry fixtures"
                            ))
                        })?,
                };
                Some(Organization {
                    bin: bin.clone(),
                    name,
                })
            }
        };
        Ok(Holder {
            iin: req.iin.clone(),
            surname: surname.to_string(),
            name: name.to_string(),
            org,
        })
    }

    /// Revokes a certificate (by sample name or serial hex) now, and signs a new CRL.
    pub fn revoke(&self, id: &str, reason: Option<Reason>) -> Result<CertInfo, PkiError> {
        let serial = self
            .resolve(id)
            .ok_or_else(|| PkiError::NotFound(id.to_string()))?;
        self.revoke_quietly(&serial, reason)?;
        self.refresh_crl(true)?;
        self.certificate(&serial)
            .ok_or_else(|| PkiError::NotFound(id.to_string()))
    }

    fn revoke_quietly(&self, serial: &str, reason: Option<Reason>) -> Result<(), PkiError> {
        let mut store = self.lock();
        let record = store
            .records
            .get_mut(serial)
            .ok_or_else(|| PkiError::NotFound(serial.to_string()))?;
        if record.revoked.is_some() {
            return Err(PkiError::AlreadyRevoked(serial.to_string()));
        }
        record.revoked = Some(Revocation {
            at: ca::now_seconds(),
            reason,
        });
        Ok(())
    }

    /// Signs a new CRL when `force`d or when the current one is old.
    fn refresh_crl(&self, force: bool) -> Result<(), PkiError> {
        let mut store = self.lock();
        let fresh = store
            .crl
            .as_ref()
            .is_some_and(|c| c.signed.elapsed() < CRL_REFRESH);
        if fresh && !force {
            return Ok(());
        }
        let revoked: Vec<RevokedEntry> = store
            .records
            .values()
            .filter_map(|r| {
                r.revoked.as_ref().map(|v| RevokedEntry {
                    serial: r.serial.clone(),
                    at: v.at,
                    reason: v.reason,
                })
            })
            .collect();
        let number = store.crl.as_ref().map_or(1, |c| c.number + 1);
        let (der, pem) = self.inner.ca.crl(&revoked, number)?;
        store.crl = Some(Crl {
            der,
            pem,
            number,
            signed: Instant::now(),
        });
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        self.inner.store.lock().expect("pki store lock")
    }

    /// The serial hex of a sample name or a serial (any case, colons allowed).
    fn resolve(&self, id: &str) -> Option<String> {
        let store = self.lock();
        if let Some(serial) = store.names.get(id) {
            return Some(serial.clone());
        }
        let normal = normalize_serial(id)?;
        store.records.contains_key(&normal).then_some(normal)
    }

    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }
    pub fn ocsp_url(&self) -> String {
        format!("{}/ocsp", self.inner.base_url)
    }
    pub fn crl_url(&self) -> String {
        format!("{}/crl", self.inner.base_url)
    }
    pub fn ca_pem(&self) -> String {
        self.inner.ca.cert_pem.clone()
    }
    pub fn ca_der(&self) -> Vec<u8> {
        self.inner.ca.cert_der.clone()
    }
    /// The CA's subject, e.g. `CN=ҰКО ТЕСТ (reglament mock), O=reglament, C=KZ`.
    pub fn ca_subject(&self) -> String {
        ca::ca_subject_text()
    }

    /// The current CRL, DER.
    pub fn crl_der(&self) -> Result<Vec<u8>, PkiError> {
        self.refresh_crl(false)?;
        Ok(self
            .lock()
            .crl
            .as_ref()
            .map(|c| c.der.clone())
            .unwrap_or_default())
    }
    /// The current CRL, PEM.
    pub fn crl_pem(&self) -> Result<String, PkiError> {
        self.refresh_crl(false)?;
        Ok(self
            .lock()
            .crl
            .as_ref()
            .map(|c| c.pem.clone())
            .unwrap_or_default())
    }

    /// A built-in sample by name (see [`SAMPLES`]).
    pub fn sample(&self, name: &str) -> Option<Sample> {
        let store = self.lock();
        let serial = store.names.get(name)?;
        let r = store.records.get(serial)?;
        Some(Sample {
            name: name.to_string(),
            serial: r.serial_hex.clone(),
            subject: r.subject.clone(),
            iin: r.holder.iin.clone(),
            applicant_iin: r
                .applicant_iin
                .clone()
                .unwrap_or_else(|| r.holder.iin.clone()),
            bin: r.holder.org.as_ref().map(|o| o.bin.clone()),
            cert_pem: r.cert_pem.clone(),
            cert_der: r.cert_der.clone(),
            key_pem: r.key_pem.clone().unwrap_or_default(),
            expected_ocsp: if r.revoked.is_some() {
                "revoked"
            } else {
                "good"
            },
            validity: validity_label(r, time::OffsetDateTime::now_utc()),
        })
    }

    /// All built-in samples, in the order of [`SAMPLES`].
    pub fn samples(&self) -> Vec<Sample> {
        SAMPLES.iter().filter_map(|n| self.sample(n)).collect()
    }

    /// Every certificate issued, samples first, then by serial.
    pub fn certificates(&self) -> Vec<CertInfo> {
        let store = self.lock();
        let now = time::OffsetDateTime::now_utc();
        let mut list: Vec<CertInfo> = store.records.values().map(|r| info(r, now)).collect();
        let rank = |c: &CertInfo| {
            c.name
                .as_deref()
                .and_then(|n| SAMPLES.iter().position(|s| *s == n))
                .unwrap_or(SAMPLES.len())
        };
        list.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.serial.cmp(&b.serial)));
        list
    }

    /// One certificate by sample name or serial.
    pub fn certificate(&self, id: &str) -> Option<CertInfo> {
        let serial = self.resolve(id)?;
        let store = self.lock();
        store
            .records
            .get(&serial)
            .map(|r| info(r, time::OffsetDateTime::now_utc()))
    }

    /// The certificate PEM and, for a built-in sample, its key PEM.
    pub fn certificate_pem(&self, id: &str) -> Option<(String, Option<String>)> {
        let serial = self.resolve(id)?;
        let store = self.lock();
        store
            .records
            .get(&serial)
            .map(|r| (r.cert_pem.clone(), r.key_pem.clone()))
    }

    /// The revocation status of a serial (hex, any case, colons allowed).
    pub fn status(&self, serial: &str) -> Status {
        normalize_serial(serial).map_or(Status::Unknown, |s| self.status_hex(&s))
    }

    fn status_hex(&self, serial_hex: &str) -> Status {
        let store = self.lock();
        match store.records.get(serial_hex) {
            None => Status::Unknown,
            Some(r) => match &r.revoked {
                None => Status::Good,
                Some(v) => Status::Revoked {
                    at: chrono_time(v.at),
                    reason: v.reason,
                },
            },
        }
    }

    fn iin_of(&self, serial_hex: &str) -> Option<String> {
        self.lock()
            .records
            .get(serial_hex)
            .map(|r| r.holder.iin.clone())
    }

    /// Answers a DER OCSP request with a DER OCSP response (a malformed
    /// request gets a `malformedRequest` response, never an error).
    pub fn respond_ocsp(&self, request_der: &[u8]) -> OcspAnswer {
        ocsp::respond(self, request_der)
    }
}

fn info(r: &Record, now: time::OffsetDateTime) -> CertInfo {
    CertInfo {
        name: r.name.clone(),
        serial: r.serial_hex.clone(),
        subject: r.subject.clone(),
        iin: r.holder.iin.clone(),
        bin: r.holder.org.as_ref().map(|o| o.bin.clone()),
        not_before: rfc3339(r.not_before),
        not_after: rfc3339(r.not_after),
        status: if r.revoked.is_some() {
            "revoked"
        } else {
            "good"
        },
        validity: validity_label(r, now),
        revoked_at: r.revoked.as_ref().map(|v| rfc3339(v.at)),
        reason: r
            .revoked
            .as_ref()
            .and_then(|v| v.reason)
            .map(Reason::as_str),
        applicant_iin: r.applicant_iin.clone(),
    }
}

fn validity_label(r: &Record, now: time::OffsetDateTime) -> &'static str {
    if now < r.not_before {
        "not-yet-valid"
    } else if now > r.not_after {
        "expired"
    } else {
        "valid"
    }
}

/// Upper-case hex, no separators (as `openssl` prints serials).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Upper-case hex without colons or leading zero octets, or `None` when not hex.
fn normalize_serial(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| *c != ':')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let padded = if digits.len() % 2 == 1 {
        format!("0{digits}")
    } else {
        digits
    };
    let trimmed = padded.trim_start_matches("00");
    Some(if trimmed.is_empty() {
        "00".into()
    } else {
        trimmed.into()
    })
}

fn chrono_time(t: time::OffsetDateTime) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.unix_timestamp(), 0).unwrap_or_default()
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    chrono_time(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
