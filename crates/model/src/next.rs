//! Next actions of the acts, read from their verbatim cells into transitions.
//!
//! The cell is a list of clauses separated by `;` or `,`. A clause that
//! starts with an action number is a transition to that number; the rest of
//! the clause, after a dash, is its condition, kept verbatim. A clause that
//! does not start with a number continues the previous clause's condition
//! (conditions sometimes contain commas). `-`, `–`, `—` or an empty cell
//! mean "no next action".

use serde::Serialize;

/// One allowed move from a step to the step numbered `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub to: u32,
    /// The condition as the act writes it ("егер ЭЦҚ қате болса"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

/// Why a next-action cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableNext(pub String);

/// Reads a verbatim next-action cell. `Ok(vec![])` means "no next action".
pub fn parse_next(raw: &str) -> Result<Vec<Transition>, UnreadableNext> {
    let text = raw.trim();
    if is_blank(text) {
        return Ok(Vec::new());
    }
    let mut out: Vec<Transition> = Vec::new();
    for clause in text.split([';', ',']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let digits: String = clause.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            match out.last_mut() {
                Some(prev) => {
                    let when = prev.when.get_or_insert_with(String::new);
                    if !when.is_empty() {
                        when.push_str(", ");
                    }
                    when.push_str(clause);
                }
                None => {
                    return Err(UnreadableNext(format!(
                        "\"{clause}\" does not start with an action number"
                    )))
                }
            }
            continue;
        }
        let to: u32 = digits
            .parse()
            .map_err(|_| UnreadableNext(format!("\"{digits}\" is not an action number")))?;
        let rest = clause[digits.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || is_dash(c))
            .trim();
        out.push(Transition {
            to,
            when: (!rest.is_empty()).then(|| rest.to_string()),
        });
    }
    Ok(out)
}

/// True for cells that say "no next action".
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_dash(c))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑' | '−')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(to: u32, when: Option<&str>) -> Transition {
        Transition {
            to,
            when: when.map(str::to_string),
        }
    }

    #[test]
    fn branches_with_conditions() {
        assert_eq!(
            parse_next("2 алушының құжатында бұзушылық болса ; 3-авторизация табысты өтсе"),
            Ok(vec![
                t(2, Some("алушының құжатында бұзушылық болса")),
                t(3, Some("авторизация табысты өтсе")),
            ])
        );
        assert_eq!(
            parse_next("6 – егер ЭЦҚ қате болса, 7 егер ЭЦҚ қат болмаса"),
            Ok(vec![
                t(6, Some("егер ЭЦҚ қате болса")),
                t(7, Some("егер ЭЦҚ қат болмаса")),
            ])
        );
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(parse_next("5"), Ok(vec![t(5, None)]));
        assert_eq!(parse_next("4, 5"), Ok(vec![t(4, None), t(5, None)]));
        assert_eq!(parse_next(" 12 "), Ok(vec![t(12, None)]));
    }

    #[test]
    fn dashes_and_empty_mean_no_next() {
        for raw in ["", " ", "-", "–", "—", " – "] {
            assert_eq!(parse_next(raw), Ok(vec![]), "{raw:?}");
        }
    }

    #[test]
    fn a_comma_inside_a_condition_continues_it() {
        assert_eq!(
            parse_next("8 - құжаттар толық емес, қате болса; 9 - болмаса"),
            Ok(vec![
                t(8, Some("құжаттар толық емес, қате болса")),
                t(9, Some("болмаса")),
            ])
        );
    }

    #[test]
    fn text_without_a_number_is_unreadable() {
        assert!(parse_next("Құжаттардың сәйкестігін тексеру").is_err());
    }
}
