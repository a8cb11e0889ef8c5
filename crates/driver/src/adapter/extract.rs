//! `extract`: building the contract's answer out of another system's JSON.
//!
//! Each field of the answer has a rule: a JSON path with filters
//! (`"$.state | map:states"`), a template (`"{{request_id}}"`,
//! `"{{$.series}}-{{$.number}}"`), a constant (`true`, `"1"`), a table for an
//! object (`status_text = { kk = "$.labels.kz", ru = "$.labels.ru" }`, with
//! an optional `from = "$.bill"` root) or a table with `each` for a list
//! (`events = { each = "$.history[*]", step = "$.stage", … }`: `$` is then
//! each item). `<field>_map = { … }` (or the name of a `[maps]` table) maps a
//! field's values.

use super::svalue::{Entry, Node, SValue};
use super::template::{Ctx, Filter, Scope, Template, ValueMap};
use super::At;
use serde_json::{Map, Value};
use std::sync::Arc;

/// The shape of a field of the contract's answer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    Str,
    Int,
    Num,
    Bool,
    /// A list of strings.
    Strings,
    Obj(&'static [Field]),
    /// A list of objects, built with `each`.
    Each(&'static [Field]),
}

#[derive(Debug)]
pub(crate) struct Field {
    pub name: &'static str,
    pub shape: Shape,
    /// The adapter file must give a rule for it (fields the adapter can fill
    /// itself, such as a view's `request_id`, are not required).
    pub required: bool,
}

const fn f(name: &'static str, shape: Shape, required: bool) -> Field {
    Field {
        name,
        shape,
        required,
    }
}

use Shape::*;

pub(crate) const TEXTS: &[Field] = &[f("kk", Str, false), f("ru", Str, false)];
pub(crate) const SESSION: &[Field] = &[f("token", Str, true), f("iin", Str, false)];
pub(crate) const PROBLEM: &[Field] = &[
    f("error", Str, false),
    f("reason", Str, false),
    f("status_text", Obj(TEXTS), false),
];
pub(crate) const SUBMITTED: &[Field] = &[
    f("request_id", Str, true),
    f("status", Str, true),
    f("signing_payload", Str, false),
];
pub(crate) const INVOICE: &[Field] = &[
    f("invoice_id", Str, true),
    f("amount_kzt", Num, true),
    f("pay_url", Str, true),
    f("valid_until", Str, true),
    f("status", Str, false),
];
pub(crate) const EVENT: &[Field] = &[
    f("step", Int, true),
    f("at", Str, true),
    f("outcome", Str, true),
    f("detail", Str, false),
];
pub(crate) const VIEW: &[Field] = &[
    f("request_id", Str, false),
    f("status", Str, true),
    f("status_text", Obj(TEXTS), false),
    f("final", Bool, false),
    f("awaiting", Str, false),
    f("due_date", Str, false),
    f("invoice", Obj(INVOICE), false),
    f("refusal_reason", Str, false),
    f("events", Each(EVENT), false),
];
pub(crate) const RESULT: &[Field] = &[
    f("request_id", Str, false),
    f("kind", Str, true),
    f("document_base64", Str, true),
    f("signature_cms_base64", Str, false),
];
pub(crate) const SERVICE: &[Field] = &[
    f("service", Str, true),
    f("channels", Strings, true),
    f("required_attachments", Strings, false),
];
pub(crate) const CAPABILITIES: &[Field] = &[
    f("contract_version", Str, true),
    f("services", Each(SERVICE), true),
    f("clock_control", Bool, false),
];

#[derive(Debug)]
enum Rule {
    Value {
        template: Template,
        maps: Vec<Filter>,
    },
    Const(Value),
    Obj(Mapping),
    Each(Mapping),
}

/// The rules for one object of the answer.
#[derive(Debug)]
pub(crate) struct Mapping {
    /// `from` (an object) or `each` (a list): the `$` of the rules below.
    root: Option<Template>,
    fields: Vec<(&'static Field, Rule)>,
}

impl Mapping {
    /// Compiles `entries`, the table at `span` named `name` (for messages).
    pub fn compile(
        entries: &[Entry],
        span: &std::ops::Range<usize>,
        name: &str,
        schema: &'static [Field],
        scope: &Scope,
    ) -> Result<Mapping, At> {
        Self::compile_as(entries, span, name, schema, scope, None)
    }

    fn compile_as(
        entries: &[Entry],
        span: &std::ops::Range<usize>,
        name: &str,
        schema: &'static [Field],
        scope: &Scope,
        root_key: Option<&'static str>,
    ) -> Result<Mapping, At> {
        let mut root = None;
        let mut fields: Vec<(&'static Field, Rule)> = Vec::new();
        let mut maps: Vec<(&Entry, &'static Field)> = Vec::new();
        let field_names = || schema.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
        for e in entries {
            if Some(e.key.as_str()) == root_key {
                let here = format!("{name}.{}", e.key);
                let path = match &e.value.value {
                    SValue::Str(p) if p.trim_start().starts_with('$') => p,
                    _ => {
                        return Err(At::new(
                            &e.value.span,
                            format!("{here}: expected a JSON path (\"$.items[*]\")"),
                        ))
                    }
                };
                let t = Template::expression(path, scope)
                    .map_err(|m| At::new(&e.value.span, format!("{here}: {m}")))?;
                root = Some(t);
                continue;
            }
            if let Some(target) = e.key.strip_suffix("_map") {
                let Some(field) = schema.iter().find(|f| f.name == target) else {
                    return Err(At::new(
                        &e.key_span,
                        format!(
                            "{name}.{}: there is no field `{target}` to map; the fields are: {}",
                            e.key,
                            field_names()
                        ),
                    ));
                };
                if matches!(field.shape, Obj(_) | Each(_)) {
                    return Err(At::new(
                        &e.key_span,
                        format!(
                            "{name}.{}: `{target}` is an object; map its fields instead",
                            e.key
                        ),
                    ));
                }
                maps.push((e, field));
                continue;
            }
            let Some(field) = schema.iter().find(|f| f.name == e.key) else {
                let hint = match root_key {
                    None => String::new(),
                    Some(k) => format!(", and `{k}`"),
                };
                return Err(At::new(
                    &e.key_span,
                    format!(
                        "{name}: unknown field `{}`; the fields are: {}{hint}",
                        e.key,
                        field_names()
                    ),
                ));
            };
            let here = format!("{name}.{}", e.key);
            let rule = Self::rule(&e.value, &here, field, scope)?;
            fields.push((field, rule));
        }
        if root_key == Some("each") && root.is_none() {
            return Err(At::new(
                span,
                format!("{name}: a list needs `each = \"$.path[*]\"`"),
            ));
        }
        for (e, field) in maps {
            let map = map_filter(&e.value, &format!("{name}.{}", e.key), scope)?;
            match fields.iter_mut().find(|(f, _)| std::ptr::eq(*f, field)) {
                Some((_, Rule::Value { maps, .. })) => maps.push(map),
                Some((_, Rule::Const(v))) => {
                    *v = map
                        .apply(v.clone())
                        .map_err(|m| At::new(&e.value.span, m))?
                }
                _ => {
                    return Err(At::new(
                        &e.key_span,
                        format!(
                            "{name}.{}: there is no rule for `{}` to map",
                            e.key, field.name
                        ),
                    ))
                }
            }
        }
        let missing: Vec<&str> = schema
            .iter()
            .filter(|f| f.required && !fields.iter().any(|(g, _)| g.name == f.name))
            .map(|f| f.name)
            .collect();
        if !missing.is_empty() {
            return Err(At::new(
                span,
                format!(
                    "{name}: no rule for the required field(s) {}",
                    missing.join(", ")
                ),
            ));
        }
        Ok(Mapping { root, fields })
    }

    fn rule(node: &Node, here: &str, field: &'static Field, scope: &Scope) -> Result<Rule, At> {
        let at = |m: String| At::new(&node.span, m);
        match (&node.value, field.shape) {
            (SValue::Table(entries), Obj(schema)) => Ok(Rule::Obj(Self::compile_as(
                entries,
                &node.span,
                here,
                schema,
                scope,
                Some("from"),
            )?)),
            (SValue::Table(entries), Each(schema)) => Ok(Rule::Each(Self::compile_as(
                entries,
                &node.span,
                here,
                schema,
                scope,
                Some("each"),
            )?)),
            (_, Obj(_) | Each(_)) => Err(at(format!(
                "{here}: expected a table, found {}",
                node.value.kind()
            ))),
            (SValue::Str(s), _) if s.trim_start().starts_with('$') => {
                let template =
                    Template::expression(s, scope).map_err(|m| at(format!("{here}: {m}")))?;
                Ok(Rule::Value {
                    template,
                    maps: vec![],
                })
            }
            (SValue::Str(s), _) if s.contains("{{") => {
                let template = Template::parse(s, scope).map_err(|m| at(format!("{here}: {m}")))?;
                Ok(Rule::Value {
                    template,
                    maps: vec![],
                })
            }
            (SValue::Table(_), _) => Err(at(format!(
                "{here}: expected a JSON path, a template or a constant"
            ))),
            (v, shape) => {
                let value = v.to_json();
                coerce(value.clone(), shape).map_err(|m| at(format!("{here}: {m}")))?;
                Ok(Rule::Const(value))
            }
        }
    }

    /// Builds the object; `answer` is the JSON the rules read as `$`.
    pub fn build(
        &self,
        vars: &Value,
        answer: &Value,
        name: &str,
    ) -> Result<Map<String, Value>, String> {
        let mut out = Map::new();
        for (field, rule) in &self.fields {
            let here = format!("{name}.{}", field.name);
            let ctx = Ctx {
                vars,
                answer: Some(answer),
            };
            let value = match rule {
                Rule::Const(v) => coerce(v.clone(), field.shape)?,
                Rule::Value { template, maps } => {
                    let mut v = template.render(&ctx).map_err(|m| format!("{here}: {m}"))?;
                    for m in maps {
                        v = m.apply(v).map_err(|m| format!("{here}: {m}"))?;
                    }
                    coerce(v, field.shape)
                        .map_err(|m| format!("{here} (`{}`): {m}", template.text))?
                }
                Rule::Obj(mapping) => {
                    let root = match &mapping.root {
                        Some(from) => from.render(&ctx).map_err(|m| format!("{here}: {m}"))?,
                        None => answer.clone(),
                    };
                    if root.is_null() {
                        None
                    } else {
                        let obj = mapping.build(vars, &root, &here)?;
                        if obj.is_empty() && !field.required {
                            None
                        } else {
                            mapping.check(&obj, &here)?;
                            Some(Value::Object(obj))
                        }
                    }
                }
                Rule::Each(mapping) => {
                    let each = mapping.root.as_ref().expect("checked at load");
                    let items = match each.render(&ctx).map_err(|m| format!("{here}: {m}"))? {
                        Value::Array(items) => items,
                        Value::Null => vec![],
                        other => {
                            return Err(format!(
                                "{here}: `each = \"{}\"` selects {}, not a list",
                                each.text,
                                kind(&other)
                            ))
                        }
                    };
                    let mut list = Vec::with_capacity(items.len());
                    for (i, item) in items.iter().enumerate() {
                        let here = format!("{here}[{i}]");
                        let obj = mapping.build(vars, item, &here)?;
                        mapping.check(&obj, &here)?;
                        list.push(Value::Object(obj));
                    }
                    Some(Value::Array(list))
                }
            };
            if let Some(v) = value {
                out.insert(field.name.to_string(), v);
            }
        }
        Ok(out)
    }

    /// Every required field got a value.
    pub fn check(&self, obj: &Map<String, Value>, name: &str) -> Result<(), String> {
        for (field, rule) in &self.fields {
            if field.required && !obj.contains_key(field.name) {
                let how = match rule {
                    Rule::Value { template, .. } => format!(" (`{}` found nothing)", template.text),
                    _ => String::new(),
                };
                return Err(format!("{name}.{}: no value{how}", field.name));
            }
        }
        Ok(())
    }
}

/// `<field>_map`: an inline table, or the name of a `[maps]` table.
fn map_filter(node: &Node, here: &str, scope: &Scope) -> Result<Filter, At> {
    match &node.value {
        SValue::Str(name) => scope
            .maps
            .get(name)
            .map(|m| Filter::Map(m.clone()))
            .ok_or_else(|| {
                At::new(
                    &node.span,
                    format!("{here}: no map named `{name}` in [maps]"),
                )
            }),
        SValue::Table(entries) => Ok(Filter::Map(Arc::new(value_map(here, entries)?))),
        other => Err(At::new(
            &node.span,
            format!(
                "{here}: expected a table of values or a map's name, found {}",
                other.kind()
            ),
        )),
    }
}

/// A `[maps]` table or an inline `<field>_map`.
pub(crate) fn value_map(name: &str, entries: &[Entry]) -> Result<ValueMap, At> {
    let mut map = ValueMap {
        entries: Default::default(),
        fallback: None,
    };
    for e in entries {
        if matches!(e.value.value, SValue::Table(_) | SValue::Array(_)) {
            return Err(At::new(
                &e.value.span,
                format!(
                    "{name}.{}: a map's values are strings, numbers or booleans",
                    e.key
                ),
            ));
        }
        let v = e.value.value.to_json();
        if e.key == "*" {
            map.fallback = Some(v);
        } else {
            map.entries.insert(e.key.clone(), v);
        }
    }
    Ok(map)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Fits a value to a field's shape: `None` when absent (`null` or "").
fn coerce(v: Value, shape: Shape) -> Result<Option<Value>, String> {
    let wrong = |want: &str, v: &Value| {
        let hint = if v.is_array() {
            " (a path with `*` selects a list; use an index)"
        } else {
            ""
        };
        Err(format!("expected {want}, found {} {v}{hint}", kind(v)))
    };
    match (&v, shape) {
        (Value::Null, _) => Ok(None),
        (Value::String(s), Str | Int | Num | Bool) if s.is_empty() => Ok(None),
        (Value::String(_), Str) => Ok(Some(v)),
        (Value::Number(n), Str) => Ok(Some(Value::String(n.to_string()))),
        (Value::Bool(b), Str) => Ok(Some(Value::String(b.to_string()))),
        (Value::Number(n), Int) if n.is_i64() || n.is_u64() => Ok(Some(v)),
        (Value::Number(n), Int) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 => Ok(Some(Value::from(f as i64))),
            _ => wrong("an integer", &v),
        },
        (Value::String(s), Int) => match s.trim().parse::<i64>() {
            Ok(i) => Ok(Some(Value::from(i))),
            Err(_) => wrong("an integer", &v),
        },
        (Value::Number(_), Num) => Ok(Some(v)),
        (Value::String(s), Num) => match s.trim().parse::<f64>() {
            Ok(f) => Ok(serde_json::Number::from_f64(f).map(Value::Number)),
            Err(_) => wrong("a number", &v),
        },
        (Value::Bool(_), Bool) => Ok(Some(v)),
        (Value::String(s), Bool) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(Some(Value::Bool(true))),
            "false" | "0" | "no" => Ok(Some(Value::Bool(false))),
            _ => wrong("a boolean", &v),
        },
        (Value::Number(n), Bool) if n.as_i64() == Some(0) || n.as_i64() == Some(1) => {
            Ok(Some(Value::Bool(n.as_i64() == Some(1))))
        }
        (Value::String(_), Strings) => Ok(Some(Value::Array(vec![v]))),
        (Value::Array(items), Strings) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Value::Null => {}
                    Value::String(_) => out.push(item.clone()),
                    Value::Number(n) => out.push(Value::String(n.to_string())),
                    _ => return wrong("a list of strings", &v),
                }
            }
            Ok(Some(Value::Array(out)))
        }
        (_, Str) => wrong("a string", &v),
        (_, Int) => wrong("an integer", &v),
        (_, Num) => wrong("a number", &v),
        (_, Bool) => wrong("a boolean", &v),
        (_, Strings) => wrong("a list of strings", &v),
        (_, Obj(_) | Each(_)) => wrong("an object", &v),
    }
}
