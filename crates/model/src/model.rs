//! The typed regulation model: service → channel → table → step.
//!
//! Every verbatim cell of the act is kept (`*_raw`, `*_kk`), beside the
//! reading the harness uses (`budget`, `next`), which differs from the
//! verbatim text only where an [`Erratum`] says so.

use crate::budget::Budget;
use crate::catalogue::Channel;
use crate::diag::Source;
use crate::next::Transition;
use crate::scenario::Scenario;
use serde::Serialize;

/// Everything read from a set of feature files.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Service {
    pub id: String,
    pub title_kk: String,
    pub title_en: String,
    pub seed: String,
    pub act: String,
    pub channels: Vec<ChannelDoc>,
}

/// One feature file: a service's regulation through one channel.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelDoc {
    pub channel: Channel,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regulation: Option<u8>,
    pub regulation_fields: RegulationFields,
    pub tables: Vec<StepTable>,
    pub terms: Vec<Term>,
    pub status_texts: Vec<StatusText>,
    pub scenarios: Vec<Scenario>,
}

/// The `Given the regulation:` table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RegulationFields {
    pub title_kk: String,
    pub title_en: String,
    pub act: String,
    pub seed: String,
    pub table: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepTable {
    /// The act's heading of the table, verbatim (annex and table number).
    pub name: String,
    pub steps: Vec<Step>,
    /// Errata that name a row which is not in the table or a term; kept so
    /// the linter can report them.
    #[serde(skip)]
    pub errata: Vec<Erratum>,
    #[serde(skip)]
    pub source: Source,
}

impl StepTable {
    pub fn step(&self, n: u32) -> Option<&Step> {
        self.steps.iter().find(|s| s.n == n)
    }
    /// The entry of the process: the table's first row.
    pub fn entry(&self) -> Option<&Step> {
        self.steps.first()
    }
}

/// What a row that ends the process produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Refusal,
    Result,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The action number as in the act.
    pub n: u32,
    pub actor: String,
    pub action_kk: String,
    pub action_en: String,
    pub completion_kk: String,
    /// The verbatim time limit.
    pub limit_raw: String,
    /// The budget the harness judges by (an erratum's reading where one exists).
    pub budget: Option<Budget>,
    /// The budget of the verbatim limit, when an erratum reads it differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_as_written: Option<Budget>,
    /// The verbatim next-action cell.
    pub next_raw: String,
    /// Transitions the harness allows (an erratum's reading where one exists).
    pub next: Vec<Transition>,
    /// Transitions of the verbatim cell, when an erratum reads it differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_as_written: Option<NextReading>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    pub errata: Vec<Erratum>,
    /// Set when the act's table lacks this row and it is rebuilt from the
    /// narrative (a `row` erratum): the narrative item it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reconstructed_from: Option<String>,
    pub source: Source,
    /// Where a `next` or `limit` cell could not be read at all.
    #[serde(skip)]
    pub unreadable_next: Option<String>,
}

impl Step {
    pub fn is_end(&self) -> bool {
        self.next.is_empty()
    }
    pub fn erratum(&self, field: ErratumField) -> Option<&Erratum> {
        self.errata.iter().find(|e| e.field == field)
    }
}

/// The verbatim next-action cell as the parser reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum NextReading {
    Transitions(Vec<Transition>),
    Unreadable { unreadable: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErratumField {
    Next,
    Limit,
    Actor,
    /// The row is not in the act's table as published (a block of the
    /// export is missing); it is rebuilt from the narrative item `read_as`
    /// names. `act_says` is empty: the act's table has nothing there.
    Row,
}

impl ErratumField {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "next" => Some(Self::Next),
            "limit" => Some(Self::Limit),
            "actor" => Some(Self::Actor),
            "row" => Some(Self::Row),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Next => "next",
            Self::Limit => "limit",
            Self::Actor => "actor",
            Self::Row => "row",
        }
    }
}

/// Where an erratum applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErratumTarget {
    Step(u32),
    Term(String),
}

/// The act says one thing; the harness reads another, and says why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Erratum {
    pub at: ErratumTarget,
    pub field: ErratumField,
    pub act_says: String,
    pub read_as: String,
    pub why: String,
    pub source: Source,
}

/// A service-level term: the term of service, the fee, the schedule, a
/// hearing or complaint deadline.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub term: String,
    pub kind: TermKind,
    pub text_kk: String,
    pub text_ru: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// State duty in monthly calculation indices (АЕК/МРП), for `fee` terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_mrp: Option<f64>,
    pub cited: String,
    pub errata: Vec<Erratum>,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    Time,
    Fee,
    Schedule,
    Note,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusText {
    pub status: String,
    pub kk: String,
    pub ru: String,
    pub cited: String,
    pub source: Source,
}

impl Model {
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Every (service, channel) document, in catalogue order.
    pub fn documents(&self) -> impl Iterator<Item = (&Service, &ChannelDoc)> {
        self.services
            .iter()
            .flat_map(|s| s.channels.iter().map(move |c| (s, c)))
    }
}

/// Reads "0,5 АЕК" / "0.5 МРП" into a number of monthly calculation indices.
pub fn parse_fee_mrp(value: &str) -> Option<f64> {
    let lower = value.to_lowercase();
    if !(lower.contains("аек") || lower.contains("мрп")) {
        return None;
    }
    let number: String = value
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    number.replace(',', ".").parse().ok()
}
