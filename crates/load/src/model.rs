//! The load model (`scenarios/*.toml`): how many applicants, how they ramp,
//! how long or how many times, the mix of services and channels, think time
//! or arrival rate, and which budget percentiles are judged. It never holds a
//! step limit: flows and budgets come from the feature files.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// A parsed and checked load model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadModel {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub load: Load,
    #[serde(default)]
    pub judge: JudgeSpec,
    pub mix: Vec<MixEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Load {
    /// Concurrent applicants (goose users).
    pub applicants: usize,
    /// Seconds to start all applicants.
    #[serde(default)]
    pub ramp_up_s: f64,
    /// Seconds to stop them at the end (duration runs only).
    #[serde(default)]
    pub ramp_down_s: f64,
    /// Seconds at full load (exclusive with `iterations`).
    #[serde(default)]
    pub duration_s: Option<f64>,
    /// Flows each applicant walks (exclusive with `duration_s`).
    #[serde(default)]
    pub iterations: Option<usize>,
    /// Closed model: pause between two flows of one applicant, `[min, max]` ms.
    #[serde(default)]
    pub think_time_ms: Option<[u64; 2]>,
    /// Open model: new flows per second across all applicants (each applicant
    /// starts a flow every `applicants / arrival_rate_per_s` seconds).
    #[serde(default)]
    pub arrival_rate_per_s: Option<f64>,
    /// Seconds one request may stay open before it counts as an error.
    #[serde(default = "default_give_up")]
    pub give_up_after_s: u64,
}

fn default_give_up() -> u64 {
    120
}

/// Which percentiles of each step's duration are judged against its budget,
/// and the error rate allowed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgeSpec {
    #[serde(default = "default_percentiles")]
    pub percentiles: Vec<String>,
    /// Largest share of failed attempts a step may have (0.01 = 1 %).
    #[serde(default = "default_error_rate")]
    pub max_error_rate: f64,
}

fn default_percentiles() -> Vec<String> {
    vec!["p95".into(), "max".into()]
}

fn default_error_rate() -> f64 {
    0.0
}

impl Default for JudgeSpec {
    fn default() -> Self {
        JudgeSpec {
            percentiles: default_percentiles(),
            max_error_rate: default_error_rate(),
        }
    }
}

/// One flow of the mix: a service's channel, walked along its `@main`
/// scenarios (or those of `tags`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixEntry {
    pub service: String,
    pub channel: String,
    #[serde(default = "one")]
    pub weight: usize,
    #[serde(default = "main_tag")]
    pub tags: Vec<String>,
}

fn one() -> usize {
    1
}

fn main_tag() -> Vec<String> {
    vec!["main".into()]
}

/// A percentile as the model names it: `p50`, `p95`, `p99.9`, `max`.
pub fn percentile_quantile(name: &str) -> Option<f64> {
    if name == "max" {
        return Some(100.0);
    }
    let v: f64 = name.strip_prefix('p')?.parse().ok()?;
    (v > 0.0 && v <= 100.0).then_some(v)
}

/// A shard of the load: runner `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// `K/N` with 1 ≤ K ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("--shard {s}: expected K/N, e.g. 1/4"))?;
        let index: usize = k
            .trim()
            .parse()
            .map_err(|_| format!("--shard {s}: K is not a number"))?;
        let count: usize = n
            .trim()
            .parse()
            .map_err(|_| format!("--shard {s}: N is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("--shard {s}: need 1 ≤ K ≤ N"));
        }
        Ok(Shard { index, count })
    }

    /// This shard's part of `total`: spread as evenly as possible, the
    /// first shards taking the remainder.
    pub fn part(&self, total: usize) -> usize {
        let base = total / self.count;
        let extra = usize::from(self.index <= total % self.count);
        base + extra
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl LoadModel {
    pub fn read(path: &Path) -> Result<(LoadModel, String), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let m = LoadModel::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((m, text))
    }

    pub fn parse(text: &str) -> Result<LoadModel, String> {
        let m: LoadModel = toml::from_str(text).map_err(|e| e.to_string())?;
        m.check()?;
        Ok(m)
    }

    fn check(&self) -> Result<(), String> {
        let l = &self.load;
        if l.applicants == 0 {
            return Err("load.applicants must be at least 1".into());
        }
        match (l.duration_s, l.iterations) {
            (Some(_), Some(_)) => {
                return Err("load: give duration_s or iterations, not both".into());
            }
            (None, None) => return Err("load: give duration_s or iterations".into()),
            (Some(d), None) if d.is_nan() || d <= 0.0 => {
                return Err("load.duration_s must be positive".into());
            }
            (None, Some(0)) => return Err("load.iterations must be at least 1".into()),
            _ => {}
        }
        if l.ramp_up_s < 0.0 || l.ramp_down_s < 0.0 {
            return Err("load: ramp times cannot be negative".into());
        }
        if let Some([a, b]) = l.think_time_ms {
            if a > b {
                return Err("load.think_time_ms: [min, max] with min ≤ max".into());
            }
        }
        if let Some(r) = l.arrival_rate_per_s {
            if r.is_nan() || r <= 0.0 {
                return Err("load.arrival_rate_per_s must be positive".into());
            }
            if l.think_time_ms.is_some() {
                return Err(
                    "load: arrival_rate_per_s (open model) and think_time_ms (closed model) exclude each other"
                        .into(),
                );
            }
        }
        if self.mix.is_empty() {
            return Err("mix: at least one service/channel".into());
        }
        for m in &self.mix {
            if !["portal", "psc", "provider"].contains(&m.channel.as_str()) {
                return Err(format!(
                    "mix: unknown channel \"{}\" (portal, psc, provider)",
                    m.channel
                ));
            }
            if m.weight == 0 {
                return Err(format!(
                    "mix {}/{}: weight must be ≥ 1",
                    m.service, m.channel
                ));
            }
        }
        if self.judge.percentiles.is_empty() {
            return Err("judge.percentiles: name at least one (e.g. [\"p95\", \"max\"])".into());
        }
        for p in &self.judge.percentiles {
            if percentile_quantile(p).is_none() {
                return Err(format!(
                    "judge.percentiles: \"{p}\" is not a percentile (p50, p95, p99.9, max)"
                ));
            }
        }
        if !(0.0..=1.0).contains(&self.judge.max_error_rate) {
            return Err("judge.max_error_rate is a share between 0 and 1".into());
        }
        Ok(())
    }

    /// How many applicants each mix entry gets in the whole model: the
    /// applicants shared out by weight (largest remainder, ties to the
    /// earlier entry).
    pub fn allocation(&self) -> Vec<usize> {
        let a = self.load.applicants;
        let w: usize = self.mix.iter().map(|m| m.weight).sum();
        let mut counts: Vec<usize> = self.mix.iter().map(|m| a * m.weight / w).collect();
        let mut rest = a - counts.iter().sum::<usize>();
        let mut order: Vec<usize> = (0..self.mix.len()).collect();
        // Largest fractional part first.
        order.sort_by_key(|&i| std::cmp::Reverse((a * self.mix[i].weight) % w));
        for i in order {
            if rest == 0 {
                break;
            }
            counts[i] += 1;
            rest -= 1;
        }
        counts
    }

    /// The whole model's applicants, one mix-entry index each, interleaved
    /// (one of each entry in turn while it has applicants left).
    fn applicants_in_turn(&self) -> Vec<usize> {
        let mut left = self.allocation();
        let mut out = Vec::new();
        while left.iter().any(|&n| n > 0) {
            for (i, n) in left.iter_mut().enumerate() {
                if *n > 0 {
                    *n -= 1;
                    out.push(i);
                }
            }
        }
        out
    }

    /// The part of the model one shard runs: every `count`-th applicant of
    /// the whole model's (interleaved) applicants, starting at the
    /// `index`-th, so the shards together run exactly the whole model's
    /// applicants, each with its own pace, think time and iterations. The
    /// part's mix weights are its exact numbers of applicants per entry
    /// (entries without one are left out), and its arrival rate its share.
    /// `shard(Shard::WHOLE)` is the whole model with exact weights.
    pub fn shard(&self, shard: Shard) -> LoadModel {
        let mut per_entry = vec![0usize; self.mix.len()];
        for (i, e) in self.applicants_in_turn().into_iter().enumerate() {
            if i % shard.count == shard.index - 1 {
                per_entry[e] += 1;
            }
        }
        let users: usize = per_entry.iter().sum();
        let mut m = self.clone();
        m.load.applicants = users;
        if let Some(r) = self.load.arrival_rate_per_s {
            m.load.arrival_rate_per_s = Some(r * users as f64 / self.load.applicants as f64);
        }
        m.mix = self
            .mix
            .iter()
            .zip(per_entry)
            .filter(|(_, n)| *n > 0)
            .map(|(e, n)| MixEntry {
                weight: n,
                ..e.clone()
            })
            .collect();
        m
    }

    /// The interval at which one applicant is expected to start flows, the
    /// coordinated-omission correction's `expected_interval` (µs): the
    /// open model's pace, or the closed model's mean think time; `0` when
    /// neither is given (no correction possible).
    pub fn expected_interval_us(&self) -> u64 {
        let l = &self.load;
        if let Some(r) = l.arrival_rate_per_s {
            return (l.applicants as f64 / r * 1e6).round() as u64;
        }
        match l.think_time_ms {
            Some([a, b]) => (a + b) * 1000 / 2,
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
name = "t"
[load]
applicants = 5
iterations = 2
arrival_rate_per_s = 10.0
[[mix]]
service = "s"
channel = "portal"
"#;

    #[test]
    fn parses_and_shards() {
        let m = LoadModel::parse(SMALL).unwrap();
        assert_eq!(m.judge.percentiles, vec!["p95", "max"]);
        assert_eq!(m.mix[0].tags, vec!["main"]);
        let parts: Vec<usize> = (1..=3)
            .map(|k| m.shard(Shard { index: k, count: 3 }).load.applicants)
            .collect();
        assert_eq!(parts, vec![2, 2, 1]);
        assert_eq!(m.shard(Shard::WHOLE).mix[0].weight, 5);
        let s = m.shard(Shard { index: 3, count: 3 });
        assert_eq!(s.expected_interval_us(), m.expected_interval_us());
        assert_eq!(m.expected_interval_us(), 500_000);
    }

    #[test]
    fn shards_add_up_to_the_whole_mix() {
        let mut m = LoadModel::parse(SMALL).unwrap();
        m.load.applicants = 7;
        m.mix = ["a", "b", "c"]
            .iter()
            .zip([3, 2, 1])
            .map(|(s, w)| MixEntry {
                service: s.to_string(),
                channel: "psc".into(),
                weight: w,
                tags: vec!["main".into()],
            })
            .collect();
        assert_eq!(m.allocation(), vec![4, 2, 1]);
        let mut sum = std::collections::BTreeMap::<String, usize>::new();
        for k in 1..=3 {
            for e in m.shard(Shard { index: k, count: 3 }).mix {
                *sum.entry(e.service).or_default() += e.weight;
            }
        }
        let whole: Vec<usize> = m.shard(Shard::WHOLE).mix.iter().map(|e| e.weight).collect();
        assert_eq!(whole, vec![4, 2, 1]);
        assert_eq!(sum.values().copied().collect::<Vec<_>>(), whole);
    }

    #[test]
    fn rejects_bad_models() {
        assert!(LoadModel::parse(&SMALL.replace("iterations = 2", "")).is_err());
        assert!(LoadModel::parse(&SMALL.replace("portal", "kiosk")).is_err());
        assert!(LoadModel::parse(&format!("{SMALL}\n[judge]\npercentiles=[\"q9\"]")).is_err());
        assert!(
            LoadModel::parse(&SMALL.replace("applicants = 5", "applicants = 5\nmax_s = 3"))
                .is_err()
        );
        assert!(Shard::parse("3/2").is_err());
        assert!(Shard::parse("0/2").is_err());
        assert_eq!(Shard::parse("2/4").unwrap(), Shard { index: 2, count: 4 });
    }

    #[test]
    fn percentiles() {
        assert_eq!(percentile_quantile("max"), Some(100.0));
        assert_eq!(percentile_quantile("p99.9"), Some(99.9));
        assert_eq!(percentile_quantile("p0"), None);
    }
}
