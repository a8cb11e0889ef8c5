use super::FeaturePaths;
use crate::exit::Code;
use reglament_model::Severity;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    #[command(flatten)]
    paths: FeaturePaths,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Treat warnings (unreachable rows, loops, missing limits, uncovered branches) as errors
    #[arg(long)]
    deny_warnings: bool,
    /// Also list notes: every erratum and every anomaly of the act it resolves
    #[arg(long, short = 'n')]
    notes: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: LintArgs) -> Code {
    let loaded = reglament_model::load(&args.paths.resolved());
    let report = reglament_lint::lint(&loaded);
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serializes")
        ),
        Format::Human => print_human(&report, args.notes),
    }
    match report.worst() {
        Some(Severity::Error) => Code::Usage,
        Some(Severity::Warning) if args.deny_warnings => Code::Usage,
        _ => Code::Pass,
    }
}

fn print_human(report: &reglament_lint::Report, notes: bool) {
    for d in &report.diagnostics {
        if notes || d.severity != Severity::Note {
            println!("{d}");
        }
    }
    let c = &report.coverage;
    if !c.tables.is_empty() {
        println!();
        println!(
            "{:<40} {:<9} {:>9} {:>15} {:>21}",
            "service", "channel", "scenarios", "steps", "transitions"
        );
        for t in &c.tables {
            println!(
                "{:<40} {:<9} {:>9} {:>7}/{:<3} {:>5.1}% {:>11}/{:<3} {:>5.1}%",
                t.service,
                t.channel.as_str(),
                t.scenarios,
                t.steps_covered,
                t.steps_total,
                t.step_percent(),
                t.transitions_covered,
                t.transitions_total,
                t.transition_percent()
            );
        }
        println!(
            "{:<40} {:<9} {:>9} {:>7}/{:<3} {:>5.1}% {:>11}/{:<3} {:>5.1}%",
            format!("total ({} tables)", c.tables.len()),
            "",
            c.tables.iter().map(|t| t.scenarios).sum::<usize>(),
            c.steps_covered,
            c.steps_total,
            c.step_percent(),
            c.transitions_covered,
            c.transitions_total,
            c.transition_percent()
        );
    }
    let s = report.summary;
    println!();
    println!(
        "lint: {} error(s), {} warning(s), {} note(s){}",
        s.errors,
        s.warnings,
        s.notes,
        if notes || s.notes == 0 {
            ""
        } else {
            " (errata and act anomalies: --notes)"
        }
    );
}
