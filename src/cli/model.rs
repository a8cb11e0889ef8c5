use super::FeaturePaths;
use crate::exit::Code;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct ModelArgs {
    #[command(flatten)]
    paths: FeaturePaths,
    /// Print the whole model as JSON (schema reglament.model/1)
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct ModelDocument<'a> {
    schema: &'static str,
    digest: &'a str,
    #[serde(flatten)]
    model: &'a reglament_model::Model,
}

pub fn run(args: ModelArgs) -> Code {
    let Some(loaded) = super::load_clean(&args.paths) else {
        return Code::Usage;
    };
    if args.json {
        let doc = ModelDocument {
            schema: "reglament.model/1",
            digest: &loaded.digest,
            model: &loaded.model,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).expect("model serializes")
        );
        return Code::Pass;
    }
    println!(
        "model {} ({} feature files)",
        loaded.digest,
        loaded.files.len()
    );
    for service in &loaded.model.services {
        println!(
            "{}  [seed {}]  {}",
            service.id, service.seed, service.title_en
        );
        for doc in &service.channels {
            for t in &doc.tables {
                let errata: usize = t.steps.iter().map(|s| s.errata.len()).sum();
                println!(
                    "  {:<9} {:>3} steps {:>3} errata {:>3} scenarios  {}",
                    doc.channel.as_str(),
                    t.steps.len(),
                    errata,
                    doc.scenarios.len(),
                    doc.file
                );
            }
        }
    }
    Code::Pass
}
