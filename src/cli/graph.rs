use super::FeaturePaths;
use crate::exit::Code;
use reglament_model::graph::{to_dot, to_mermaid};
use reglament_model::Channel;

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Service id (e.g. apostille-education-2012)
    service: String,
    /// Channel: portal, psc or provider
    channel: String,
    /// Output format
    #[arg(long, value_enum, default_value = "dot")]
    format: GraphFormat,
    /// Feature files or folders to read (default: features/)
    #[arg(long = "features", value_name = "PATH")]
    features: Vec<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum GraphFormat {
    Dot,
    Mermaid,
}

pub fn run(args: GraphArgs) -> Code {
    let channel: Channel = match args.channel.parse() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("reglament graph: {e}");
            return Code::Usage;
        }
    };
    let Some(loaded) = super::load_clean(&FeaturePaths {
        paths: args.features,
    }) else {
        return Code::Usage;
    };
    let Some(service) = loaded.model.service(&args.service) else {
        let known: Vec<_> = loaded
            .model
            .services
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        eprintln!(
            "reglament graph: no service \"{}\" in the features (have: {})",
            args.service,
            known.join(", ")
        );
        return Code::Usage;
    };
    let Some(doc) = service.channels.iter().find(|c| c.channel == channel) else {
        eprintln!(
            "reglament graph: {} has no {} channel in the features",
            service.id, channel
        );
        return Code::Usage;
    };
    for table in &doc.tables {
        let title = format!("{} / {}", service.id, channel);
        match args.format {
            GraphFormat::Dot => print!("{}", to_dot(&title, table, &[])),
            GraphFormat::Mermaid => print!("{}", to_mermaid(table)),
        }
    }
    Code::Pass
}
