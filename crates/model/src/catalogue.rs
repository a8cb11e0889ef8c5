//! The nine services of the seeds and their channels (fixed ids, DESIGN.md).

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A channel through which a service is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The e-government portal (ЭҮП).
    Portal,
    /// A public service centre / State Corporation (ХҚКО).
    Psc,
    /// The service provider's own office (ЖАО, қызмет беруші).
    Provider,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Portal, Channel::Psc, Channel::Provider];
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Psc => "psc",
            Channel::Provider => "provider",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown channel \"{s}\" (expected portal, psc or provider)"))
    }
}

/// A service of the catalogue: its fixed id, seed and the channels its act describes.
#[derive(Debug, Clone, Copy)]
pub struct ServiceEntry {
    pub id: &'static str,
    pub seed: &'static str,
    /// Ordinal of the regulation inside a seed that holds several.
    pub regulation: Option<u8>,
    pub channels: &'static [Channel],
}

use Channel::{Portal, Provider, Psc};

pub const SERVICES: [ServiceEntry; 9] = [
    ServiceEntry {
        id: "apostille-education-2012",
        seed: "000",
        regulation: None,
        channels: &[Portal],
    },
    ServiceEntry {
        id: "archival-certificates-astana-2012",
        seed: "001",
        regulation: None,
        channels: &[Provider, Psc, Portal],
    },
    ServiceEntry {
        id: "apostille-education-2021",
        seed: "002",
        regulation: None,
        channels: &[Psc, Portal],
    },
    ServiceEntry {
        id: "guardianship-certificate-2012",
        seed: "003",
        regulation: Some(1),
        channels: &[Portal, Psc],
    },
    ServiceEntry {
        id: "minors-deposits-inheritance-2012",
        seed: "003",
        regulation: Some(2),
        channels: &[Portal, Psc],
    },
    ServiceEntry {
        id: "minors-property-transactions-2012",
        seed: "003",
        regulation: Some(3),
        channels: &[Portal, Psc],
    },
    ServiceEntry {
        id: "apostille-archival-certificates-2012",
        seed: "004",
        regulation: Some(1),
        channels: &[Portal, Provider, Psc],
    },
    ServiceEntry {
        id: "archival-certificates-issuance-2012",
        seed: "004",
        regulation: Some(2),
        channels: &[Portal, Provider, Psc],
    },
    ServiceEntry {
        id: "mass-media-registration-2012",
        seed: "004",
        regulation: Some(3),
        channels: &[Portal, Provider],
    },
];

pub fn service(id: &str) -> Option<&'static ServiceEntry> {
    SERVICES.iter().find(|s| s.id == id)
}
