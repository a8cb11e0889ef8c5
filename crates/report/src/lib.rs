//! Reporters of a conformance run. The engine emits one stream of events
//! (the run began, a scenario was judged, the run ended or was interrupted);
//! each reporter turns it into one artefact. Files are rewritten after every
//! scenario (write, then rename), so a run that is stopped still leaves
//! valid `results.json`, `junit.xml`, `summary.md` and `report.html` with
//! what it had.

mod html;
mod junit;
mod markdown;
pub mod results;

pub use html::{GraphStep, Html, TableGraph};
pub use results::*;
use std::io;
use std::path::{Path, PathBuf};

/// One reporter: told about every judged scenario and about the end.
pub trait Reporter {
    /// The run is about to start: how many scenarios each feature (service,
    /// channel) will run.
    fn start(&mut self, _features: &[FeaturePlan]) -> io::Result<()> {
        Ok(())
    }
    fn scenario(&mut self, run: &RunResults, latest: &ScenarioResult) -> io::Result<()>;
    fn finish(&mut self, run: &RunResults) -> io::Result<()>;
}

/// Writes `contents` to `path` atomically: readers never see half a file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}

/// `results.json`, `junit.xml`, `summary.md` and `statement.md` in the run's folder.
pub struct Files {
    pub dir: PathBuf,
}

impl Files {
    fn write_all(&self, run: &RunResults) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(run).map_err(io::Error::other)?;
        write_atomic(&self.dir.join("results.json"), &json)?;
        write_atomic(&self.dir.join("junit.xml"), junit::render(run).as_bytes())?;
        write_atomic(
            &self.dir.join("summary.md"),
            markdown::render(run).as_bytes(),
        )?;
        write_atomic(
            &self.dir.join("statement.md"),
            markdown::statement(run).as_bytes(),
        )
    }
}

impl Reporter for Files {
    fn scenario(&mut self, run: &RunResults, _: &ScenarioResult) -> io::Result<()> {
        self.write_all(run)
    }
    fn finish(&mut self, run: &RunResults) -> io::Result<()> {
        self.write_all(run)
    }
}

/// One feature's share of the run.
#[derive(Debug, Clone)]
pub struct FeaturePlan {
    pub service: String,
    pub channel: String,
    pub scenarios: usize,
}

/// The terminal: a progress bar per feature when stderr is a terminal, a
/// line per scenario otherwise (CI logs), failures spelled out either way,
/// then a table per service × channel.
#[derive(Default)]
pub struct Console {
    bars: Option<(
        indicatif::MultiProgress,
        Vec<(String, indicatif::ProgressBar)>,
    )>,
}

impl Console {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Reporter for Console {
    fn start(&mut self, features: &[FeaturePlan]) -> io::Result<()> {
        use std::io::IsTerminal;
        if !io::stderr().is_terminal() {
            return Ok(());
        }
        let multi = indicatif::MultiProgress::new();
        let style =
            indicatif::ProgressStyle::with_template("{prefix:<48} [{bar:30}] {pos}/{len} {msg}")
                .expect("a valid template")
                .progress_chars("=> ");
        let bars = features
            .iter()
            .filter(|f| f.scenarios > 0)
            .map(|f| {
                let key = format!("{}/{}", f.service, f.channel);
                let bar = multi.add(indicatif::ProgressBar::new(f.scenarios as u64));
                bar.set_style(style.clone());
                bar.set_prefix(key.clone());
                (key, bar)
            })
            .collect();
        self.bars = Some((multi, bars));
        Ok(())
    }

    fn scenario(&mut self, run: &RunResults, sc: &ScenarioResult) -> io::Result<()> {
        if let Some((multi, bars)) = &self.bars {
            let key = format!("{}/{}", sc.service, sc.channel);
            if let Some((_, bar)) = bars.iter().find(|(k, _)| *k == key) {
                bar.inc(1);
                if sc.status != ScenarioStatus::Passed {
                    bar.set_message("FAILED");
                }
                if bar.position() == bar.length().unwrap_or(0) {
                    bar.finish();
                }
            }
            if sc.status != ScenarioStatus::Passed {
                let _ = multi.println(format!("FAIL {key} — {} ({})", sc.name, sc.source));
                for f in sc.failures() {
                    let _ = multi.println(format!("        {f}"));
                }
            }
            return Ok(());
        }
        let mark = match sc.status {
            ScenarioStatus::Passed => "PASS ",
            ScenarioStatus::Failed => "FAIL ",
            ScenarioStatus::Error => "ERROR",
        };
        eprintln!(
            "[{:>3}] {mark} {}/{} — {} ({} ms)",
            run.scenarios.len(),
            sc.service,
            sc.channel,
            sc.name,
            sc.duration_ms
        );
        for f in sc.failures() {
            eprintln!("        {f}");
        }
        Ok(())
    }

    fn finish(&mut self, run: &RunResults) -> io::Result<()> {
        if let Some((multi, bars)) = self.bars.take() {
            for (_, b) in &bars {
                b.abandon();
            }
            let _ = multi.clear();
        }
        println!("{}", markdown::table(run));
        let s = &run.summary;
        println!(
            "{} scenario(s): {} passed, {} failed, {} error(s); {} step(s) judged, {} failed{}{}",
            s.scenarios,
            s.passed,
            s.failed,
            s.errors,
            s.steps_judged,
            s.steps_failed,
            s.worst_budget_use
                .map(|u| format!("; worst budget use {:.0} %", u * 100.0))
                .unwrap_or_default(),
            if run.interrupted {
                " — INTERRUPTED"
            } else {
                ""
            }
        );
        Ok(())
    }
}
