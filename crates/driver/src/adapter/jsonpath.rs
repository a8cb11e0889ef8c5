//! The small JSON-path subset of adapter files:
//!
//! | form           | meaning                                        |
//! |----------------|------------------------------------------------|
//! | `$`            | the whole answer (or the item, under `each`)   |
//! | `.name`        | a member                                       |
//! | `['name']`     | a member whose name has dots, spaces, brackets |
//! | `[2]`, `[-1]`  | an array element, counted from the end if < 0  |
//! | `[*]`, `.*`    | every element of an array / member of an object|
//!
//! A path without `*` selects at most one value (JSON `null` when nothing is
//! there); a path with `*` selects an array of every match.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Key(String),
    Index(i64),
    Wildcard,
}

#[derive(Debug, Clone)]
pub(crate) struct JsonPath {
    pub steps: Vec<Step>,
}

impl JsonPath {
    /// A path starting with `$`.
    pub fn parse(text: &str) -> Result<JsonPath, String> {
        let rest = text
            .strip_prefix('$')
            .ok_or_else(|| format!("a JSON path starts with `$`: `{text}`"))?;
        Self::steps(rest, text)
    }

    /// A dotted name without `$`, as template variables are written
    /// (`input.form.surname`, `input.attachments[0].name`).
    pub fn parse_name(text: &str) -> Result<JsonPath, String> {
        let first_ok = text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !first_ok {
            return Err(format!("`{text}` is not a variable name"));
        }
        Self::steps(&format!(".{text}"), text)
    }

    fn steps(rest: &str, whole: &str) -> Result<JsonPath, String> {
        let bad = |why: &str| format!("bad JSON path `{whole}`: {why}");
        let mut steps = Vec::new();
        let chars: Vec<char> = rest.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '.' => {
                    i += 1;
                    let start = i;
                    while i < chars.len() && !is_delimiter(chars[i]) {
                        i += 1;
                    }
                    let name: String = chars[start..i].iter().collect();
                    match name.as_str() {
                        "" if chars.get(i) == Some(&'*') => {
                            i += 1;
                            steps.push(Step::Wildcard);
                        }
                        "" => return Err(bad("a `.` must be followed by a name or `*`")),
                        _ => steps.push(Step::Key(name)),
                    }
                }
                '[' => {
                    i += 1;
                    let step = match chars.get(i) {
                        Some('*') => {
                            i += 1;
                            Step::Wildcard
                        }
                        Some(&q @ ('\'' | '"')) => {
                            i += 1;
                            let mut name = String::new();
                            loop {
                                match chars.get(i) {
                                    None => return Err(bad("an unclosed quoted name")),
                                    Some('\\') if chars.get(i + 1).is_some() => {
                                        name.push(chars[i + 1]);
                                        i += 2;
                                    }
                                    Some(&c) if c == q => {
                                        i += 1;
                                        break;
                                    }
                                    Some(&c) => {
                                        name.push(c);
                                        i += 1;
                                    }
                                }
                            }
                            Step::Key(name)
                        }
                        _ => {
                            let start = i;
                            while i < chars.len() && (chars[i] == '-' || chars[i].is_ascii_digit())
                            {
                                i += 1;
                            }
                            let digits: String = chars[start..i].iter().collect();
                            let n = digits
                                .parse::<i64>()
                                .map_err(|_| bad("`[` takes an index, `*` or a quoted name"))?;
                            Step::Index(n)
                        }
                    };
                    if chars.get(i) != Some(&']') {
                        return Err(bad("a `[` without its `]`"));
                    }
                    i += 1;
                    steps.push(step);
                }
                c => {
                    return Err(bad(&format!(
                        "unexpected `{c}` (use `.name`, `[n]` or `['name']`)"
                    )))
                }
            }
        }
        Ok(JsonPath { steps })
    }

    /// Whether the path selects at most one value.
    pub fn is_definite(&self) -> bool {
        !self.steps.contains(&Step::Wildcard)
    }

    /// The names before the first index or wildcard.
    pub fn leading_keys(&self) -> Vec<&str> {
        self.steps
            .iter()
            .map_while(|s| match s {
                Step::Key(k) => Some(k.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn select<'a>(&self, root: &'a Value) -> Vec<&'a Value> {
        let mut current = vec![root];
        for step in &self.steps {
            let mut next = Vec::new();
            for v in current {
                match (step, v) {
                    (Step::Key(k), Value::Object(m)) => next.extend(m.get(k)),
                    (Step::Index(n), Value::Array(a)) => {
                        let i = if *n < 0 { a.len() as i64 + n } else { *n };
                        if i >= 0 {
                            next.extend(a.get(i as usize));
                        }
                    }
                    (Step::Wildcard, Value::Array(a)) => next.extend(a.iter()),
                    (Step::Wildcard, Value::Object(m)) => next.extend(m.values()),
                    _ => {}
                }
            }
            current = next;
        }
        current
    }

    /// The value selected: one value (`null` when absent) for a definite
    /// path, an array of every match otherwise.
    pub fn get(&self, root: &Value) -> Value {
        let found = self.select(root);
        if self.is_definite() {
            found.first().map_or(Value::Null, |v| (*v).clone())
        } else {
            Value::Array(found.into_iter().cloned().collect())
        }
    }
}

fn is_delimiter(c: char) -> bool {
    matches!(c, '.' | '[' | ']' | '\'' | '"' | '*') || c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn get(path: &str, v: &Value) -> Value {
        JsonPath::parse(path).unwrap().get(v)
    }

    #[test]
    fn the_subset() {
        let v = json!({
            "a": {"b": 1, "dotted.name": "x"},
            "items": [{"x": 1}, {"x": 2}, {"y": 3}],
            "заявка": {"номер": "A-1"}
        });
        assert_eq!(get("$", &v), v);
        assert_eq!(get("$.a.b", &v), json!(1));
        assert_eq!(get("$.a['dotted.name']", &v), json!("x"));
        assert_eq!(get("$[\"a\"].b", &v), json!(1));
        assert_eq!(get("$.items[0].x", &v), json!(1));
        assert_eq!(get("$.items[-1].y", &v), json!(3));
        assert_eq!(get("$.items[*].x", &v), json!([1, 2]));
        assert_eq!(get("$.a.*", &v), json!([1, "x"]));
        assert_eq!(get("$.заявка.номер", &v), json!("A-1"));
        assert_eq!(get("$.missing.deeper", &v), Value::Null);
        assert_eq!(get("$.items[7]", &v), Value::Null);
        assert_eq!(get("$.nothing[*]", &v), json!([]));
        assert_eq!(
            JsonPath::parse_name("input.attachments[0].name")
                .unwrap()
                .leading_keys(),
            vec!["input", "attachments"]
        );
    }

    #[test]
    fn malformed_paths() {
        for bad in [
            "a.b", "$.", "$.a[", "$.a[x]", "$.a['b", "$a", "$.a..b", "$.a b",
        ] {
            assert!(JsonPath::parse(bad).is_err(), "{bad} should not parse");
        }
        assert!(JsonPath::parse_name(".x").is_err());
    }
}
