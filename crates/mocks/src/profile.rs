//! Behaviour profiles: how a mock misbehaves — latency, errors, hangs,
//! outages — so a test can see how an implementation copes with a slow or
//! failing registry. Loaded from TOML (mocks/profiles/*.toml) and switchable
//! at run time over HTTP (`PUT /_profile`).

use rand::Rng;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// The behaviour of one mock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Profile {
    pub latency: Latency,
    /// Share of calls answered with HTTP 500 (0.0–1.0).
    pub error_rate: f64,
    /// Share of calls that hang for `hang_ms` and then get HTTP 504: longer
    /// than any sane client timeout.
    pub timeout_rate: f64,
    pub hang_ms: u64,
    /// While true every call gets HTTP 503.
    pub outage: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            latency: Latency::None,
            error_rate: 0.0,
            timeout_rate: 0.0,
            hang_ms: 30_000,
            outage: false,
        }
    }
}

/// A latency distribution, in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "distribution", rename_all = "lowercase", deny_unknown_fields)]
pub enum Latency {
    None,
    Fixed {
        ms: f64,
    },
    Uniform {
        min_ms: f64,
        max_ms: f64,
    },
    /// Log-normal with the given median and 99th percentile: the long tail
    /// real registries show under load.
    LogNormal {
        median_ms: f64,
        p99_ms: f64,
    },
}

/// What a mock does with one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Answer,
    Fail,
    Hang,
    Outage,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("profile of {mock}: {problem}")]
    Invalid { mock: String, problem: String },
}

impl Profile {
    pub fn validate(&self) -> Result<(), String> {
        for (name, rate) in [
            ("error_rate", self.error_rate),
            ("timeout_rate", self.timeout_rate),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("{name} must be between 0 and 1, not {rate}"));
            }
        }
        match self.latency {
            Latency::Fixed { ms } if ms < 0.0 => Err("latency ms must not be negative".into()),
            Latency::Uniform { min_ms, max_ms } if min_ms < 0.0 || max_ms < min_ms => {
                Err("uniform latency needs 0 <= min_ms <= max_ms".into())
            }
            Latency::LogNormal { median_ms, p99_ms } if median_ms <= 0.0 || p99_ms < median_ms => {
                Err("lognormal latency needs 0 < median_ms <= p99_ms".into())
            }
            _ => Ok(()),
        }
    }

    /// Draws the fate and the added delay of one call.
    pub fn draw(&self, rng: &mut impl Rng) -> (Fate, Duration) {
        if self.outage {
            return (Fate::Outage, Duration::ZERO);
        }
        let roll: f64 = rng.gen();
        if roll < self.timeout_rate {
            return (Fate::Hang, Duration::from_millis(self.hang_ms));
        }
        let delay = Duration::from_secs_f64(self.latency.sample_ms(rng).max(0.0) / 1000.0);
        if roll < self.timeout_rate + self.error_rate {
            (Fate::Fail, delay)
        } else {
            (Fate::Answer, delay)
        }
    }
}

impl Latency {
    pub fn sample_ms(&self, rng: &mut impl Rng) -> f64 {
        match *self {
            Latency::None => 0.0,
            Latency::Fixed { ms } => ms,
            Latency::Uniform { min_ms, max_ms } => {
                if max_ms > min_ms {
                    rng.gen_range(min_ms..max_ms)
                } else {
                    min_ms
                }
            }
            Latency::LogNormal { median_ms, p99_ms } => {
                // ln X ~ N(mu, sigma): median = e^mu, p99 = e^(mu + 2.326 sigma).
                let mu = median_ms.ln();
                let sigma = (p99_ms.ln() - mu) / 2.326_347_9;
                // Box–Muller: one standard normal from two uniforms.
                let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
                let u2: f64 = rng.gen();
                let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
                (mu + sigma * z).exp()
            }
        }
    }
}

/// The mocks a profile file can name.
pub const MOCK_NAMES: &[&str] = &["registry", "payment", "pki"];

/// Profiles by mock name (`registry`, `payment`, `pki`), as a profile file holds them.
pub fn parse_profiles(text: &str) -> Result<BTreeMap<String, Profile>, ProfileError> {
    let set: BTreeMap<String, Profile> = toml::from_str(text)?;
    for (mock, p) in &set {
        if !MOCK_NAMES.contains(&mock.as_str()) {
            return Err(ProfileError::Invalid {
                mock: mock.clone(),
                problem: format!("no such mock (expected one of {})", MOCK_NAMES.join(", ")),
            });
        }
        p.validate().map_err(|problem| ProfileError::Invalid {
            mock: mock.clone(),
            problem,
        })?;
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn a_profile_file_parses_and_bad_values_name_the_mock() {
        let set = parse_profiles(
            r#"
[registry]
latency = { distribution = "lognormal", median_ms = 50, p99_ms = 800 }
error_rate = 0.1
[payment]
outage = true
"#,
        )
        .unwrap();
        assert_eq!(set["registry"].error_rate, 0.1);
        assert!(set["payment"].outage);
        let err = parse_profiles("[registy]\nerror_rate = 0.5\n").unwrap_err();
        assert!(err.to_string().contains("registy"), "{err}");
        let err = parse_profiles("[registry]\nerror_rate = 2.0\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("registry") && err.contains("error_rate"),
            "{err}"
        );
        let err = parse_profiles("[registry]\nerorr_rate = 0.1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn rates_are_honoured_in_the_long_run() {
        let p = Profile {
            error_rate: 0.2,
            timeout_rate: 0.1,
            hang_ms: 5,
            ..Profile::default()
        };
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let mut fails = 0;
        let mut hangs = 0;
        for _ in 0..20_000 {
            match p.draw(&mut rng).0 {
                Fate::Fail => fails += 1,
                Fate::Hang => hangs += 1,
                _ => {}
            }
        }
        assert!((3600..4400).contains(&fails), "{fails}");
        assert!((1700..2300).contains(&hangs), "{hangs}");
    }

    #[test]
    fn lognormal_has_the_requested_median_and_tail() {
        let l = Latency::LogNormal {
            median_ms: 100.0,
            p99_ms: 1000.0,
        };
        let mut rng = rand::rngs::StdRng::seed_from_u64(2);
        let mut v: Vec<f64> = (0..50_000).map(|_| l.sample_ms(&mut rng)).collect();
        v.sort_by(f64::total_cmp);
        let median = v[v.len() / 2];
        let p99 = v[v.len() * 99 / 100];
        assert!((90.0..110.0).contains(&median), "{median}");
        assert!((850.0..1150.0).contains(&p99), "{p99}");
    }

    #[test]
    fn an_outage_answers_nothing() {
        let p = Profile {
            outage: true,
            ..Profile::default()
        };
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        assert_eq!(p.draw(&mut rng).0, Fate::Outage);
    }
}
