//! The state-database mocks: persons by IIN (ЖТ МДБ) and legal entities by
//! BIN (ЗТ МДҚ), answering JSON over HTTP from a synthetic fixture set
//! (mocks/fixtures/registry.toml).

use crate::iin;
use crate::server::{error, Noted, Shared};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub iin: String,
    /// The scenario case this record serves: found, deceased, minor, name-mismatch.
    pub case: String,
    pub surname: String,
    pub name: String,
    #[serde(default)]
    pub patronymic: String,
    pub birth_date: chrono::NaiveDate,
    pub sex: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub death_date: Option<chrono::NaiveDate>,
    /// For `name-mismatch`: the surname the person signs with, which the
    /// registry does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_surname: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub bin: String,
    pub case: String,
    pub name: String,
    pub status: String,
    pub registered: chrono::NaiveDate,
    pub head_iin: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absent {
    #[serde(default)]
    pub persons: Vec<String>,
    #[serde(default)]
    pub entities: Vec<String>,
}

/// The fixture set.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixtures {
    #[serde(default, rename = "person")]
    pub persons: Vec<Person>,
    #[serde(default, rename = "entity")]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub absent: Absent,
}

#[derive(Debug, thiserror::Error)]
pub enum FixtureError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("{what} {id}: {source}")]
    BadNumber {
        what: &'static str,
        id: String,
        source: iin::IdError,
    },
    #[error("{0}")]
    Inconsistent(String),
}

/// The fixtures shipped in mocks/fixtures/registry.toml, embedded.
pub const BUILTIN: &str = include_str!("../../../mocks/fixtures/registry.toml");

impl Fixtures {
    pub fn builtin() -> Self {
        Self::parse(BUILTIN).expect("the shipped fixtures are valid (tested)")
    }

    /// Parses and checks a fixture file: every number has a valid check digit,
    /// absent numbers are really absent.
    pub fn parse(text: &str) -> Result<Self, FixtureError> {
        let f: Fixtures = toml::from_str(text)?;
        let check = |what, id: &str| {
            iin::validate(id).map_err(|source| FixtureError::BadNumber {
                what,
                id: id.to_string(),
                source,
            })
        };
        for p in &f.persons {
            check("person", &p.iin)?;
        }
        for e in &f.entities {
            check("entity", &e.bin)?;
        }
        for id in f.absent.persons.iter().chain(&f.absent.entities) {
            check("absent number", id)?;
            if f.person(id).is_some() || f.entity(id).is_some() {
                return Err(FixtureError::Inconsistent(format!(
                    "{id} is listed as absent but has a record"
                )));
            }
        }
        Ok(f)
    }

    pub fn person(&self, iin: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.iin == iin)
    }
    pub fn entity(&self, bin: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.bin == bin)
    }
    /// The first person serving a scenario case (`not-found` gives an absent number).
    pub fn person_for_case(&self, case: &str) -> Option<String> {
        if case == "not-found" {
            return self.absent.persons.first().cloned();
        }
        self.persons
            .iter()
            .find(|p| p.case == case)
            .map(|p| p.iin.clone())
    }
    pub fn entity_for_case(&self, case: &str) -> Option<String> {
        if case == "not-found" {
            return self.absent.entities.first().cloned();
        }
        self.entities
            .iter()
            .find(|e| e.case == case)
            .map(|e| e.bin.clone())
    }
}

/// The person answer: what the e-government gateway returns for an IIN.
#[derive(Debug, Serialize)]
struct PersonAnswer<'a> {
    iin: &'a str,
    surname: &'a str,
    name: &'a str,
    patronymic: &'a str,
    birth_date: chrono::NaiveDate,
    sex: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    death_date: Option<chrono::NaiveDate>,
    minor: bool,
}

async fn person(State(f): State<Arc<Fixtures>>, Path(id): Path<String>) -> Response {
    let noted = Noted::new("person.lookup").field("iin", &id);
    if let Err(e) = iin::validate(&id) {
        return (
            noted,
            error(StatusCode::BAD_REQUEST, format!("invalid IIN: {e}")),
        )
            .into_response();
    }
    let Some(p) = f.person(&id) else {
        return (
            noted.field("found", false),
            error(StatusCode::NOT_FOUND, "no person with this IIN"),
        )
            .into_response();
    };
    let today = chrono::Utc::now().date_naive();
    let minor = today.years_since(p.birth_date).is_none_or(|age| age < 18);
    let answer = PersonAnswer {
        iin: &p.iin,
        surname: &p.surname,
        name: &p.name,
        patronymic: &p.patronymic,
        birth_date: p.birth_date,
        sex: &p.sex,
        status: if p.death_date.is_some() {
            "deceased"
        } else {
            "alive"
        },
        death_date: p.death_date,
        minor,
    };
    (noted.field("found", true), Json(answer)).into_response()
}

async fn entity(State(f): State<Arc<Fixtures>>, Path(id): Path<String>) -> Response {
    let noted = Noted::new("entity.lookup").field("bin", &id);
    if let Err(e) = iin::validate(&id) {
        return (
            noted,
            error(StatusCode::BAD_REQUEST, format!("invalid BIN: {e}")),
        )
            .into_response();
    }
    match f.entity(&id) {
        Some(e) => (noted.field("found", true), Json(e.clone())).into_response(),
        None => (
            noted.field("found", false),
            error(StatusCode::NOT_FOUND, "no entity with this BIN"),
        )
            .into_response(),
    }
}

async fn list_fixtures(State(f): State<Arc<Fixtures>>) -> Json<Fixtures> {
    Json((*f).clone())
}

/// The registry routes (`GET /persons/{iin}`, `GET /entities/{bin}`, `GET /_fixtures`).
pub fn routes(fixtures: Arc<Fixtures>) -> axum::Router<Shared> {
    Router::new()
        .route("/persons/{iin}", get(person))
        .route("/entities/{bin}", get(entity))
        .route("/_fixtures", get(list_fixtures))
        .with_state(fixtures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_fixtures_are_valid_and_serve_every_case() {
        let f = Fixtures::parse(BUILTIN).unwrap();
        for case in ["found", "not-found", "deceased", "minor", "name-mismatch"] {
            assert!(f.person_for_case(case).is_some(), "person case {case}");
        }
        for case in ["found", "not-found", "liquidated"] {
            assert!(f.entity_for_case(case).is_some(), "entity case {case}");
        }
    }

    #[test]
    fn a_fixture_with_a_bad_check_digit_is_refused() {
        let bad = BUILTIN.replacen("iin = \"850314382048\"", "iin = \"850314382049\"", 1);
        assert!(matches!(
            Fixtures::parse(&bad),
            Err(FixtureError::BadNumber { .. })
        ));
    }
}
