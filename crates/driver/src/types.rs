//! The contract's messages (contract/driver-v1.openapi.json, components/schemas).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Texts {
    #[serde(default)]
    pub kk: String,
    #[serde(default)]
    pub ru: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Problem {
    pub error: String,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub status_text: Option<Texts>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServiceOffer {
    pub service: String,
    pub channels: Vec<String>,
    #[serde(default)]
    pub required_attachments: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Capabilities {
    pub contract_version: String,
    pub services: Vec<ServiceOffer>,
    #[serde(default)]
    pub clock_control: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Applicant,
    Operator,
}

#[derive(Clone, Serialize)]
pub struct Credentials {
    pub role: Role,
    pub iin: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    /// Never prints the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("role", &self.role)
            .field("iin", &self.iin)
            .field("password", &"***")
            .finish()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    pub iin: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub media_type: String,
    pub content_base64: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewRequest {
    pub service: String,
    pub channel: String,
    pub applicant_iin: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_bin: Option<String>,
    pub form: serde_json::Value,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Submitted {
    pub request_id: String,
    pub status: String,
    #[serde(default)]
    pub signing_payload: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invoice {
    pub invoice_id: String,
    pub amount_kzt: f64,
    pub pay_url: String,
    pub valid_until: String,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub step: u32,
    pub at: String,
    pub outcome: String,
    #[serde(default)]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestView {
    pub request_id: String,
    pub status: String,
    pub status_text: Texts,
    #[serde(default, rename = "final")]
    pub is_final: bool,
    /// Who must act next: signature, payment, decision, hearing, issue.
    #[serde(default)]
    pub awaiting: Option<String>,
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub invoice: Option<Invoice>,
    #[serde(default)]
    pub refusal_reason: Option<String>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Action {
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResultDocument {
    pub request_id: String,
    pub kind: String,
    pub document_base64: String,
    #[serde(default)]
    pub signature_cms_base64: Option<String>,
}
