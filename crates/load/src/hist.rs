//! Per-step HDR histograms: what a load run records, what a shard writes
//! (`histograms.json`, each histogram in HdrHistogram's V2 format, base64),
//! and what `reglament load merge` adds up. Percentiles are only ever taken
//! from histograms, never averaged or merged themselves.

use crate::model::{LoadModel, Shard};
use base64::Engine as _;
use hdrhistogram::serialization::{Deserializer, Serializer, V2Serializer};
use hdrhistogram::Histogram;
use reglament_model::Budget;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCHEMA: &str = "reglament.load-histograms/1";

/// Significant digits of every histogram (values in microseconds).
const SIGFIG: u8 = 3;

/// A step's budget as the feature files give it, in the form a merge needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepBudget {
    /// The act gives no limit: the step is measured, not judged.
    None,
    WallClock {
        max_s: f64,
    },
    CalendarDays {
        max_days: u32,
    },
    WorkingDays {
        days: u32,
    },
    /// The act's limit cannot be read: not judged.
    Unreadable,
}

impl StepBudget {
    pub fn from_model(b: Option<&Budget>) -> StepBudget {
        match b {
            None => StepBudget::None,
            Some(Budget::WallClock { max_s, .. }) => StepBudget::WallClock { max_s: *max_s },
            Some(Budget::CalendarDays { max_days, .. }) => StepBudget::CalendarDays {
                max_days: *max_days,
            },
            Some(Budget::WorkingDays { days, .. }) => StepBudget::WorkingDays { days: *days },
            Some(Budget::Malformed { .. }) => StepBudget::Unreadable,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            StepBudget::None => "no limit".into(),
            StepBudget::WallClock { max_s } => format!("≤ {} s", fmt_s(*max_s)),
            StepBudget::CalendarDays { max_days } => format!("≤ {max_days} calendar days"),
            StepBudget::WorkingDays { days } => format!("{days} working days"),
            StepBudget::Unreadable => "unreadable limit".into(),
        }
    }
}

pub fn fmt_s(s: f64) -> String {
    let t = format!("{s:.3}");
    t.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn new_hist() -> Histogram<u64> {
    // Auto-resizing: a day-scale step of a real target fits as well as a
    // millisecond call.
    let mut h = Histogram::new(SIGFIG).expect("3 significant digits");
    h.auto(true);
    h
}

/// One step of one flow (`service/channel/step-N`).
#[derive(Debug, Clone)]
pub struct StepStats {
    pub service: String,
    pub channel: String,
    pub step: u32,
    pub budget: StepBudget,
    /// Durations as observed (µs).
    pub raw: Histogram<u64>,
    /// Durations corrected for coordinated omission (µs): what the judge reads.
    pub corrected: Histogram<u64>,
    /// Attempts of the step that failed (the walk stopped there, or the
    /// target did another step).
    pub errors: u64,
    /// The errors' messages, counted (at most [`MAX_MESSAGES`] distinct).
    pub messages: BTreeMap<String, u64>,
}

const MAX_MESSAGES: usize = 20;

impl StepStats {
    pub fn new(service: &str, channel: &str, step: u32, budget: StepBudget) -> StepStats {
        StepStats {
            service: service.into(),
            channel: channel.into(),
            step,
            budget,
            raw: new_hist(),
            corrected: new_hist(),
            errors: 0,
            messages: BTreeMap::new(),
        }
    }

    pub fn name(&self) -> String {
        step_name(&self.service, &self.channel, self.step)
    }

    pub fn count(&self) -> u64 {
        self.raw.len()
    }

    /// Records a duration: as observed, and corrected for coordinated
    /// omission with HdrHistogram's `record_correct` (an applicant expected
    /// to start a flow every `expected_interval_us` who was held up for
    /// `us` would have met this stall at every missed start).
    pub fn record(&mut self, us: u64, expected_interval_us: u64) {
        let us = us.max(1);
        let _ = self.raw.record(us);
        let _ = self.corrected.record_correct(us, expected_interval_us);
    }

    pub fn error(&mut self, message: &str) {
        self.errors += 1;
        let msg: String = message.chars().take(200).collect();
        if self.messages.contains_key(&msg) || self.messages.len() < MAX_MESSAGES {
            *self.messages.entry(msg).or_default() += 1;
        } else {
            *self.messages.entry("(other errors)".into()).or_default() += 1;
        }
    }

    pub fn merge(&mut self, other: &StepStats) -> Result<(), String> {
        if self.budget != other.budget {
            return Err(format!(
                "{}: the shards disagree on the step's budget",
                self.name()
            ));
        }
        self.raw.add(&other.raw).map_err(|e| format!("{e:?}"))?;
        self.corrected
            .add(&other.corrected)
            .map_err(|e| format!("{e:?}"))?;
        self.errors += other.errors;
        for (m, n) in &other.messages {
            *self.messages.entry(m.clone()).or_default() += n;
        }
        Ok(())
    }
}

pub fn step_name(service: &str, channel: &str, step: u32) -> String {
    format!("{service}/{channel}/step-{step}")
}

/// Steps done and errors in one second of the run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    /// Seconds since the start of the run (of the shard).
    pub t: u64,
    pub flows: u64,
    pub steps: u64,
    pub errors: u64,
}

/// Everything a load run (or a shard of one) records.
#[derive(Debug, Clone)]
pub struct Recording {
    pub steps: BTreeMap<String, StepStats>,
    pub timeline: BTreeMap<u64, Tick>,
    pub flows_done: u64,
    pub flows_failed: u64,
    pub expected_interval_us: u64,
}

impl Recording {
    pub fn new(expected_interval_us: u64) -> Recording {
        Recording {
            steps: BTreeMap::new(),
            timeline: BTreeMap::new(),
            flows_done: 0,
            flows_failed: 0,
            expected_interval_us,
        }
    }

    pub fn step_mut(
        &mut self,
        service: &str,
        channel: &str,
        step: u32,
        budget: &StepBudget,
    ) -> &mut StepStats {
        self.steps
            .entry(step_name(service, channel, step))
            .or_insert_with(|| StepStats::new(service, channel, step, budget.clone()))
    }

    pub fn tick(&mut self, t: u64) -> &mut Tick {
        self.timeline.entry(t).or_insert(Tick {
            t,
            ..Default::default()
        })
    }

    pub fn merge(&mut self, other: &Recording) -> Result<(), String> {
        if self.expected_interval_us != other.expected_interval_us {
            return Err(format!(
                "the shards corrected for coordinated omission with different intervals ({} µs and {} µs)",
                self.expected_interval_us, other.expected_interval_us
            ));
        }
        for (name, s) in &other.steps {
            match self.steps.get_mut(name) {
                Some(mine) => mine.merge(s)?,
                None => {
                    self.steps.insert(name.clone(), s.clone());
                }
            }
        }
        for (t, k) in &other.timeline {
            let mine = self.tick(*t);
            mine.flows += k.flows;
            mine.steps += k.steps;
            mine.errors += k.errors;
        }
        self.flows_done += other.flows_done;
        self.flows_failed += other.flows_failed;
        Ok(())
    }
}

fn encode(h: &Histogram<u64>) -> String {
    let mut buf = Vec::new();
    V2Serializer::new()
        .serialize(h, &mut buf)
        .expect("a histogram serialises");
    base64::engine::general_purpose::STANDARD.encode(buf)
}

fn decode(s: &str) -> Result<Histogram<u64>, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(s)
        .map_err(|e| format!("histogram: {e}"))?;
    let mut h: Histogram<u64> = Deserializer::new()
        .deserialize(&mut &bytes[..])
        .map_err(|e| format!("histogram: {e:?}"))?;
    h.auto(true);
    Ok(h)
}

/// A step in `histograms.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StepFile {
    pub service: String,
    pub channel: String,
    pub step: u32,
    pub budget: StepBudget,
    pub count: u64,
    pub errors: u64,
    pub messages: BTreeMap<String, u64>,
    /// HdrHistogram V2, base64, µs.
    pub raw: String,
    /// HdrHistogram V2, base64, µs, corrected for coordinated omission.
    pub corrected: String,
}

/// `histograms.json`: what one run or one shard recorded, to be merged.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HistogramsFile {
    pub schema: String,
    pub run_id: String,
    /// The whole load model (not the shard's part of it).
    pub model: LoadModel,
    pub shard: Shard,
    /// The feature files' digest: which transcription the budgets come from.
    pub features_digest: String,
    pub target: String,
    pub started_at: String,
    pub duration_s: f64,
    pub expected_interval_us: u64,
    pub flows_done: u64,
    pub flows_failed: u64,
    pub steps: Vec<StepFile>,
    pub timeline: Vec<Tick>,
    /// The run was stopped before its plan ended: its part is incomplete,
    /// and a merge that includes it is refused.
    #[serde(default)]
    pub interrupted: bool,
}

impl HistogramsFile {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        run_id: &str,
        model: &LoadModel,
        shard: Shard,
        features_digest: &str,
        target: &str,
        started_at: &str,
        duration_s: f64,
        rec: &Recording,
    ) -> HistogramsFile {
        HistogramsFile {
            schema: SCHEMA.into(),
            run_id: run_id.into(),
            model: model.clone(),
            shard,
            features_digest: features_digest.into(),
            target: target.into(),
            started_at: started_at.into(),
            duration_s,
            expected_interval_us: rec.expected_interval_us,
            flows_done: rec.flows_done,
            flows_failed: rec.flows_failed,
            steps: rec
                .steps
                .values()
                .map(|s| StepFile {
                    service: s.service.clone(),
                    channel: s.channel.clone(),
                    step: s.step,
                    budget: s.budget.clone(),
                    count: s.count(),
                    errors: s.errors,
                    messages: s.messages.clone(),
                    raw: encode(&s.raw),
                    corrected: encode(&s.corrected),
                })
                .collect(),
            timeline: rec.timeline.values().copied().collect(),
            interrupted: false,
        }
    }

    pub fn recording(&self) -> Result<Recording, String> {
        if self.schema != SCHEMA {
            return Err(format!("schema \"{}\", expected \"{SCHEMA}\"", self.schema));
        }
        let mut rec = Recording::new(self.expected_interval_us);
        rec.flows_done = self.flows_done;
        rec.flows_failed = self.flows_failed;
        for s in &self.steps {
            let mut st = StepStats::new(&s.service, &s.channel, s.step, s.budget.clone());
            st.raw = decode(&s.raw)?;
            st.corrected = decode(&s.corrected)?;
            st.errors = s.errors;
            st.messages = s.messages.clone();
            rec.steps.insert(st.name(), st);
        }
        for t in &self.timeline {
            rec.timeline.insert(t.t, *t);
        }
        Ok(rec)
    }

    pub fn read(path: &std::path::Path) -> Result<HistogramsFile, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// What a merge produces: the shards' recordings added up, checked to be
/// shards of one load model against one transcription.
#[derive(Debug, Clone)]
pub struct Merged {
    pub model: LoadModel,
    pub features_digest: String,
    pub target: String,
    pub recording: Recording,
    /// The longest shard's duration (they run side by side).
    pub duration_s: f64,
    pub shards: Vec<Shard>,
}

pub fn merge(files: &[HistogramsFile]) -> Result<Merged, String> {
    if let Some(f) = files.iter().find(|f| f.interrupted) {
        return Err(format!(
            "shard {} of run {} was interrupted: its part of the load is incomplete; run it again",
            f.shard, f.run_id
        ));
    }
    let first = files.first().ok_or("nothing to merge")?;
    let mut rec = first.recording()?;
    let mut shards = vec![first.shard];
    let mut duration_s = first.duration_s;
    for f in &files[1..] {
        if f.model != first.model {
            return Err(format!(
                "run {} used another load model than run {} ({} vs {})",
                f.run_id, first.run_id, f.model.name, first.model.name
            ));
        }
        if f.features_digest != first.features_digest {
            return Err(format!(
                "run {} judged against other feature files than run {}",
                f.run_id, first.run_id
            ));
        }
        if f.shard.count != first.shard.count {
            return Err(format!(
                "shard {} and shard {} are not of the same split",
                f.shard, first.shard
            ));
        }
        if shards.contains(&f.shard) {
            return Err(format!("shard {} is given twice", f.shard));
        }
        rec.merge(&f.recording()?)?;
        shards.push(f.shard);
        duration_s = duration_s.max(f.duration_s);
    }
    let count = first.shard.count;
    let missing: Vec<String> = (1..=count)
        .filter(|k| !shards.iter().any(|s| s.index == *k))
        .map(|k| format!("{k}/{count}"))
        .collect();
    if !missing.is_empty() {
        return Err(format!("missing shard(s): {}", missing.join(", ")));
    }
    shards.sort_by_key(|s| s.index);
    Ok(Merged {
        model: first.model.clone(),
        features_digest: first.features_digest.clone(),
        target: first.target.clone(),
        recording: rec,
        duration_s,
        shards,
    })
}
