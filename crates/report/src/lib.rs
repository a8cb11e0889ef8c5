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
    fn scenario(&mut self, run: &RunResults, latest: &ScenarioResult) -> io::Result<()>;
    fn finish(&mut self, run: &RunResults) -> io::Result<()>;
}

/// Writes `contents` to `path` atomically: readers never see half a file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}

/// `results.json`, `junit.xml` and `summary.md` in the run's folder.
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

/// The terminal: one line per scenario as it is judged, failures spelled
/// out, then a table per service × channel.
pub struct Console;

impl Reporter for Console {
    fn scenario(&mut self, run: &RunResults, sc: &ScenarioResult) -> io::Result<()> {
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
