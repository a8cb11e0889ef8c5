//! Templates: text with `{{ expression }}` holes, and nothing else — no
//! loops, no conditions, no code.
//!
//! An expression is a source and any number of filters:
//! `{{ input.channel | map:channels }}`, `{{ $.labels.kz }}`, `{{ "{{" }}`.
//! Sources: a variable of the operation (`request_id`, `input.form`), an
//! environment variable (`env.NAME`, read once at load), a JSON path into
//! the answer (`$.a.b`, in `extract` only) or a quoted literal.
//! A template that is one expression and nothing else keeps the value's JSON
//! type (an object stays an object); otherwise the pieces are joined as text.

use super::jsonpath::JsonPath;
use base64::Engine as _;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A value map: `{ "DONE" = "completed", "*" = "in-progress" }`.
#[derive(Debug)]
pub(crate) struct ValueMap {
    pub entries: BTreeMap<String, Value>,
    /// The `"*"` entry: what unlisted values become (otherwise they pass).
    pub fallback: Option<Value>,
}

impl ValueMap {
    /// Maps a value, or each element of a list; `null` stays `null`.
    pub fn apply(&self, v: Value) -> Value {
        match v {
            Value::Null => v,
            Value::Array(items) => Value::Array(items.into_iter().map(|i| self.apply(i)).collect()),
            v => self.apply_one(v),
        }
    }

    fn apply_one(&self, v: Value) -> Value {
        match self.entries.get(&text(&v)) {
            Some(mapped) => mapped.clone(),
            None => self.fallback.clone().unwrap_or(v),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Filter {
    Map(Arc<ValueMap>),
    Upper,
    Lower,
    Json,
    Base64,
    Default(Value),
    Datetime(String, chrono::FixedOffset),
    Date(String),
}

pub(crate) const FILTERS: &str =
    "map:NAME, upper, lower, json, base64, default:VALUE, datetime:\"FORMAT\", date:\"FORMAT\"";

impl Filter {
    pub fn apply(&self, v: Value) -> Result<Value, String> {
        Ok(match self {
            Filter::Map(m) => m.apply(v),
            Filter::Default(d) if v.is_null() => d.clone(),
            Filter::Default(_) => v,
            Filter::Json => Value::String(v.to_string()),
            _ if v.is_null() => v,
            Filter::Upper => Value::String(text(&v).to_uppercase()),
            Filter::Lower => Value::String(text(&v).to_lowercase()),
            Filter::Base64 => {
                Value::String(base64::engine::general_purpose::STANDARD.encode(text(&v)))
            }
            Filter::Datetime(format, offset) => {
                let s = text(&v);
                let at = match chrono::DateTime::parse_from_str(&s, format) {
                    Ok(at) => at,
                    Err(_) => chrono::NaiveDateTime::parse_from_str(&s, format)
                        .map_err(|e| format!("`{s}` does not match datetime:\"{format}\": {e}"))?
                        .and_local_timezone(*offset)
                        .single()
                        .ok_or_else(|| format!("`{s}` is not a time at {offset}"))?,
                };
                Value::String(at.to_rfc3339())
            }
            Filter::Date(format) => {
                let s = text(&v);
                let day = chrono::NaiveDate::parse_from_str(&s, format)
                    .map_err(|e| format!("`{s}` does not match date:\"{format}\": {e}"))?;
                Value::String(day.format("%Y-%m-%d").to_string())
            }
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Source {
    Var(JsonPath),
    Answer(JsonPath),
    Literal(Value),
}

#[derive(Debug, Clone)]
pub(crate) struct Expr {
    pub source: Source,
    pub filters: Vec<Filter>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Expr(Expr),
}

#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// As written in the file, for messages.
    pub text: String,
    parts: Vec<Part>,
}

/// What a template may refer to where it is written.
pub(crate) struct Scope<'a> {
    /// Variable names: `request_id`, `input.service`; a trailing `.*` allows
    /// anything below (`input.form.*`).
    pub vars: &'a [&'a str],
    /// Whether `$` paths (the answer) may be read.
    pub answer: bool,
    pub maps: &'a BTreeMap<String, Arc<ValueMap>>,
    /// The target's UTC offset, for `datetime` without one.
    pub offset: chrono::FixedOffset,
}

/// The values a template is rendered with.
pub(crate) struct Ctx<'a> {
    pub vars: &'a Value,
    pub answer: Option<&'a Value>,
}

/// A value as text: strings as they are, `null` as nothing, the rest as JSON.
pub(crate) fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl Template {
    pub fn parse(text: &str, scope: &Scope) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            let inner = &rest[open + 2..];
            let close = find_outside_quotes(inner, "}}")
                .ok_or_else(|| format!("`{{{{` without its `}}}}` in `{text}`"))?;
            let expr = Expr::parse(&inner[..close], scope).map_err(|e| within(e, text))?;
            parts.push(Part::Expr(expr));
            rest = &inner[close + 2..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        Ok(Template {
            text: text.to_string(),
            parts,
        })
    }

    /// One expression, written without braces (`$.state | map:states`).
    pub fn expression(text: &str, scope: &Scope) -> Result<Template, String> {
        let expr = Expr::parse(text, scope).map_err(|e| within(e, text))?;
        Ok(Template {
            text: text.to_string(),
            parts: vec![Part::Expr(expr)],
        })
    }

    /// Whether the template reads the variable `name` (or something below it).
    pub fn uses(&self, name: &str) -> bool {
        self.parts.iter().any(|p| match p {
            Part::Expr(Expr {
                source: Source::Var(path),
                ..
            }) => path.leading_keys().first() == Some(&name),
            _ => false,
        })
    }

    /// The value: typed where the template is one expression, text otherwise.
    pub fn render(&self, ctx: &Ctx) -> Result<Value, String> {
        match self.parts.as_slice() {
            [Part::Expr(e)] => e.eval(ctx),
            _ => self.render_text(ctx, |s| s.to_string()).map(Value::String),
        }
    }

    /// Text, each expression's value passed through `encode`; an absent
    /// value is empty text.
    pub fn render_text(
        &self,
        ctx: &Ctx,
        encode: impl Fn(&str) -> String,
    ) -> Result<String, String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Expr(e) => out.push_str(&encode(&text(&e.eval(ctx)?))),
            }
        }
        Ok(out)
    }

    /// Like [`render_text`](Self::render_text), but an absent or empty value
    /// is an error (a path must not have holes).
    pub fn render_strict(
        &self,
        ctx: &Ctx,
        encode: impl Fn(&str) -> String,
    ) -> Result<String, String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Expr(e) => match e.eval(ctx)? {
                    Value::Null => return Err(format!("`{}` has an absent value", self.text)),
                    Value::String(s) if s.is_empty() => {
                        return Err(format!("`{}` has an empty value", self.text))
                    }
                    v => out.push_str(&encode(&text(&v))),
                },
            }
        }
        Ok(out)
    }
}

impl Expr {
    fn parse(text: &str, scope: &Scope) -> Result<Expr, String> {
        let pieces = split_outside_quotes(text, '|');
        let source_text = pieces[0].trim();
        let source = if source_text.starts_with('$') {
            if !scope.answer {
                return Err(format!(
                    "`{source_text}` reads the answer; answers are read in `extract` only"
                ));
            }
            Source::Answer(JsonPath::parse(source_text)?)
        } else if source_text.starts_with('"') {
            Source::Literal(Value::String(unquote(source_text)?))
        } else if source_text.is_empty() {
            return Err("an empty `{{ }}`".into());
        } else {
            let path = JsonPath::parse_name(source_text)?;
            let keys = path.leading_keys();
            if keys.first() == Some(&"env") {
                let [_, name] = keys.as_slice() else {
                    return Err(format!("`{source_text}`: write `env.NAME`"));
                };
                let value = std::env::var(name)
                    .map_err(|_| format!("the environment variable {name} is not set"))?;
                Source::Literal(Value::String(value))
            } else if var_known(&path, scope.vars) {
                Source::Var(path)
            } else {
                let known = if scope.vars.is_empty() {
                    "none but env.NAME".to_string()
                } else {
                    scope.vars.join(", ")
                };
                return Err(format!(
                    "unknown template variable `{source_text}`; known here: {known}"
                ));
            }
        };
        let filters = pieces[1..]
            .iter()
            .map(|f| Self::filter(f.trim(), scope))
            .collect::<Result<_, _>>()?;
        Ok(Expr { source, filters })
    }

    fn filter(text: &str, scope: &Scope) -> Result<Filter, String> {
        let (name, arg) = match text.split_once(':') {
            Some((n, a)) => (n.trim(), Some(a.trim())),
            None => (text, None),
        };
        let arg_text = |what: &str| -> Result<String, String> {
            match arg {
                Some(a) if a.starts_with('"') => unquote(a),
                Some(a) if !a.is_empty() => Ok(a.to_string()),
                _ => Err(format!("the filter `{name}` needs {what}: `{name}:…`")),
            }
        };
        Ok(match (name, arg) {
            ("upper", None) => Filter::Upper,
            ("lower", None) => Filter::Lower,
            ("json", None) => Filter::Json,
            ("base64", None) => Filter::Base64,
            ("map", _) => {
                let map = arg_text("a map's name")?;
                let found = scope.maps.get(&map).ok_or_else(|| {
                    let known: Vec<&str> = scope.maps.keys().map(String::as_str).collect();
                    format!(
                        "no map named `{map}` (the [maps] table has: {})",
                        if known.is_empty() {
                            "none".into()
                        } else {
                            known.join(", ")
                        }
                    )
                })?;
                Filter::Map(found.clone())
            }
            ("default", Some(a)) if a.starts_with('"') => {
                Filter::Default(Value::String(unquote(a)?))
            }
            ("default", _) => {
                let a = arg_text("a value")?;
                Filter::Default(serde_json::from_str(&a).unwrap_or(Value::String(a)))
            }
            ("datetime" | "date", _) => {
                let format = arg_text("a chrono format")?;
                // Formats are checked now, not at the first answer.
                let mut items = chrono::format::StrftimeItems::new(&format);
                if items.any(|i| matches!(i, chrono::format::Item::Error)) {
                    return Err(format!("`{format}` is not a chrono format"));
                }
                if name == "date" {
                    Filter::Date(format)
                } else {
                    Filter::Datetime(format, scope.offset)
                }
            }
            ("upper" | "lower" | "json" | "base64", Some(_)) => {
                return Err(format!("the filter `{name}` takes no argument"))
            }
            _ => {
                return Err(format!(
                    "unknown filter `{name}`; the filters are: {FILTERS}"
                ))
            }
        })
    }

    fn eval(&self, ctx: &Ctx) -> Result<Value, String> {
        let mut v = match &self.source {
            Source::Var(path) => path.get(ctx.vars),
            Source::Answer(path) => path.get(ctx.answer.unwrap_or(&Value::Null)),
            Source::Literal(v) => v.clone(),
        };
        for f in &self.filters {
            v = f.apply(v)?;
        }
        Ok(v)
    }
}

/// Whether `path` names a variable of `vars` (or an object holding some).
fn var_known(path: &JsonPath, vars: &[&str]) -> bool {
    let keys = path.leading_keys();
    let all_keys = keys.len() == path.steps.len();
    vars.iter().any(|spec| {
        let (spec, open) = match spec.strip_suffix(".*") {
            Some(s) => (s, true),
            None => (*spec, false),
        };
        let spec: Vec<&str> = spec.split('.').collect();
        if keys.len() >= spec.len() && keys[..spec.len()] == spec[..] {
            open || (all_keys && keys.len() == spec.len())
        } else {
            // `input` or `action`: the object holding variables.
            all_keys && keys.len() < spec.len() && spec[..keys.len()] == keys[..]
        }
    })
}

/// A complaint that names the template it is about.
fn within(message: String, template: &str) -> String {
    if message.contains(&format!("`{template}`")) {
        message
    } else {
        format!("{message} (in `{template}`)")
    }
}

fn find_outside_quotes(s: &str, needle: &str) -> Option<usize> {
    let mut quote = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quote = false,
                _ => {}
            }
        } else if c == '"' {
            quote = true;
        } else if s[i..].starts_with(needle) {
            return Some(i);
        }
    }
    None
}

fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = find_outside_quotes(rest, &sep.to_string()) {
        out.push(&rest[..i]);
        rest = &rest[i + 1..];
    }
    out.push(rest);
    out
}

/// `"text"` with `\"` and `\\` escapes.
fn unquote(s: &str) -> Result<String, String> {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| format!("`{s}`: an unterminated quoted text"))?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next().ok_or("a `\\` at the end of a quoted text")?),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Percent-encodes a path segment or a query value (RFC 3986 unreserved
/// characters stay).
pub(crate) fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scope<'a>(vars: &'a [&'a str], maps: &'a BTreeMap<String, Arc<ValueMap>>) -> Scope<'a> {
        Scope {
            vars,
            answer: true,
            maps,
            offset: chrono::FixedOffset::east_opt(5 * 3600).unwrap(),
        }
    }

    fn maps() -> BTreeMap<String, Arc<ValueMap>> {
        let m = ValueMap {
            entries: [
                ("portal".to_string(), json!("WEB")),
                ("yes".to_string(), json!(true)),
            ]
            .into(),
            fallback: None,
        };
        [("ch".to_string(), Arc::new(m))].into()
    }

    #[test]
    fn renders_typed_and_text() {
        let maps = maps();
        let vars = ["request_id", "input.channel", "input.form.*"];
        let s = scope(&vars, &maps);
        let v = json!({"request_id": "A 1/2", "input": {"channel": "portal", "form": {"n": 5}}});
        let ctx = Ctx {
            vars: &v,
            answer: Some(&json!({"ts": "12.03.2024 10:15:00", "ok": "yes"})),
        };
        let t = |src: &str| Template::parse(src, &s).unwrap().render(&ctx).unwrap();
        assert_eq!(t("{{input.form}}"), json!({"n": 5}));
        assert_eq!(t("{{ input.form.n }}"), json!(5));
        assert_eq!(t("n={{input.form.n}}"), json!("n=5"));
        assert_eq!(t("{{input.channel | map:ch}}"), json!("WEB"));
        assert_eq!(t("{{input.channel | upper}}"), json!("PORTAL"));
        assert_eq!(t("{{$.ok | map:ch}}"), json!(true));
        assert_eq!(t("{{input.form.missing}}"), Value::Null);
        assert_eq!(t("{{input.form.missing | default:0}}"), json!(0));
        assert_eq!(t("{{input.form.missing | default:\"-|-\"}}"), json!("-|-"));
        assert_eq!(t("{{ \"{{\" }}x}}"), json!("{{x}}"));
        assert_eq!(t("{{request_id | base64}}"), json!("QSAxLzI="));
        assert_eq!(
            t("{{$.ts | date:\"%d.%m.%Y %H:%M:%S\"}}"),
            json!("2024-03-12")
        );
        assert_eq!(
            t("{{$.ts | datetime:\"%d.%m.%Y %H:%M:%S\"}}"),
            json!("2024-03-12T10:15:00+05:00")
        );
        let path = Template::parse("/a/{{request_id}}", &s).unwrap();
        assert_eq!(
            path.render_strict(&ctx, encode_component).unwrap(),
            "/a/A%201%2F2"
        );
        let hole = Template::parse("/a/{{input.form.missing}}", &s).unwrap();
        assert!(hole.render_strict(&ctx, encode_component).is_err());
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        let maps = maps();
        let vars = ["request_id", "input.channel", "input.form.*"];
        let s = scope(&vars, &maps);
        let err = |src: &str| Template::parse(src, &s).unwrap_err();
        assert!(err("{{reqest_id}}").contains("unknown template variable `reqest_id`"));
        assert!(err("{{input.service}}").contains("known here: request_id, input.channel"));
        assert!(err("{{request_id").contains("without its"));
        assert!(err("{{request_id | map:nope}}").contains("no map named `nope`"));
        assert!(err("{{request_id | shout}}").contains("unknown filter"));
        assert!(err("{{env.REGLAMENT_SURELY_UNSET_VARIABLE}}").contains("not set"));
        // Objects holding variables are variables too.
        assert!(Template::parse("{{input}}", &s).is_ok());
        let no_answer = Scope { answer: false, ..s };
        assert!(Template::parse("{{$.a}}", &no_answer)
            .unwrap_err()
            .contains("in `extract` only"));
    }
}
