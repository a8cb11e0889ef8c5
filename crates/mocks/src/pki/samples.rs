//! The built-in samples: who they are issued to (persons and an entity of
//! the registry fixtures), and writing them out with a manifest.

use super::{
    rfc3339, validity_label, Holder, Manifest, ManifestSample, Organization, Pki, PkiError, Reason,
    Validity,
};
use crate::iin;
use crate::registry::Fixtures;
use rand::SeedableRng;
use std::path::Path;

impl Pki {
    pub(super) fn issue_samples(&self) -> Result<(), PkiError> {
        let cast = Cast::from_fixtures(&self.inner.fixtures);
        let applicant = cast.applicant.clone();
        let key_compromise = Some(Reason::KeyCompromise);
        let plan: Vec<(&str, Holder, Validity, Option<Option<Reason>>)> = vec![
            ("good", applicant.clone(), Validity::Good, None),
            (
                "revoked",
                applicant.clone(),
                Validity::Good,
                Some(key_compromise),
            ),
            ("expired", applicant.clone(), Validity::Expired, None),
            (
                "not-yet-valid",
                applicant.clone(),
                Validity::NotYetValid,
                None,
            ),
            ("iin-mismatch", cast.other.clone(), Validity::Good, None),
            (
                "name-mismatch",
                cast.name_mismatch.clone(),
                Validity::Good,
                None,
            ),
            ("operator", cast.operator.clone(), Validity::Good, None),
        ];
        for (name, holder, validity, revoke) in plan {
            let applicant_iin = if name == "iin-mismatch" {
                applicant.iin.clone()
            } else {
                holder.iin.clone()
            };
            let issued = self.issue_for(holder, validity, Some((name, applicant_iin)))?;
            if let Some(reason) = revoke {
                self.revoke_quietly(&issued.serial, reason)?;
            }
        }
        Ok(())
    }

    /// Writes `ca.pem`, `<name>.pem` and `<name>.key.pem` for each sample,
    /// `crl.pem` and `manifest.json` into `dir` (created if missing).
    pub fn write_samples(&self, dir: &Path) -> std::io::Result<Manifest> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("ca.pem"), self.ca_pem())?;
        std::fs::write(dir.join("ca.der"), self.ca_der())?;
        let crl = self.crl_pem().map_err(std::io::Error::other)?;
        std::fs::write(dir.join("crl.pem"), crl)?;
        let now = time::OffsetDateTime::now_utc();
        let mut samples = Vec::new();
        for s in self.samples() {
            let cert = format!("{}.pem", s.name);
            let key = format!("{}.key.pem", s.name);
            std::fs::write(dir.join(&cert), &s.cert_pem)?;
            write_private(&dir.join(&key), &s.key_pem)?;
            let store = self.lock();
            let r = &store.records[&s.serial];
            samples.push(ManifestSample {
                name: s.name.clone(),
                serial: s.serial.clone(),
                iin: s.iin.clone(),
                applicant_iin: s.applicant_iin.clone(),
                bin: s.bin.clone(),
                subject: s.subject.clone(),
                not_before: rfc3339(r.not_before),
                not_after: rfc3339(r.not_after),
                validity: validity_label(r, now).to_string(),
                expected_ocsp: s.expected_ocsp.to_string(),
                cert,
                key,
            });
        }
        let manifest = Manifest {
            ca: "ca.pem".into(),
            crl: "crl.pem".into(),
            ocsp_url: self.ocsp_url(),
            crl_url: self.crl_url(),
            samples,
        };
        let json = serde_json::to_string_pretty(&manifest).map_err(std::io::Error::other)?;
        std::fs::write(dir.join("manifest.json"), json + "\n")?;
        Ok(manifest)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// The people the samples are issued to, from the registry fixtures where
/// they have them (so the IINs resolve in the registry mock).
struct Cast {
    applicant: Holder,
    other: Holder,
    name_mismatch: Holder,
    operator: Holder,
}

impl Cast {
    fn from_fixtures(f: &Fixtures) -> Cast {
        let mut rng = rand::rngs::StdRng::seed_from_u64(0x504b49);
        let mut generated = |surname: &str, name: &str, year: i32| {
            let birth = chrono::NaiveDate::from_ymd_opt(year, 6, 15).expect("date");
            Holder {
                iin: iin::Iin::generate(&mut rng, birth, iin::Sex::Male).to_string(),
                surname: surname.into(),
                name: name.into(),
                org: None,
            }
        };
        let holder = |p: &crate::registry::Person| Holder {
            iin: p.iin.clone(),
            surname: p.surname.clone(),
            name: p.name.clone(),
            org: None,
        };
        let mut found: Vec<Holder> = f
            .persons
            .iter()
            .filter(|p| p.case == "found")
            .map(holder)
            .collect();
        let spare = [
            ("СЫНАҚБАЕВ", "ТЕСТ", 1980),
            ("МЫСАЛОВ", "ЕРЛАН", 1982),
            ("ТЕКСЕРОВ", "АРМАН", 1975),
        ];
        for (surname, name, year) in spare {
            if found.len() < 3 {
                found.push(generated(surname, name, year));
            }
        }
        let name_mismatch = f
            .persons
            .iter()
            .find(|p| p.case == "name-mismatch")
            .map(|p| Holder {
                surname: p
                    .claimed_surname
                    .clone()
                    .unwrap_or_else(|| p.surname.clone()),
                ..holder(p)
            })
            .unwrap_or_else(|| generated("БАСҚАША", "ЕСІМ", 1988));
        let org = f
            .entity_for_case("found")
            .and_then(|bin| f.entity(&bin))
            .map(|e| Organization {
                bin: e.bin.clone(),
                name: e.name.clone(),
            })
            .unwrap_or_else(|| Organization {
                bin: iin::generate_bin(
                    &mut rand::rngs::StdRng::seed_from_u64(7),
                    2010,
                    4,
                    iin::EntityKind::Resident,
                )
                .to_string(),
                name: "ТОО «Сынақ»".into(),
            });
        let mut operator = found[2].clone();
        operator.org = Some(org);
        Cast {
            applicant: found[0].clone(),
            other: found[1].clone(),
            name_mismatch,
            operator,
        }
    }
}
