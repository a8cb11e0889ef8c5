//! One `[operations.<name>]` table: the request to make and how to read the
//! answer.

use super::extract::{self, Field, Mapping};
use super::format::{header_list, string, table};
use super::svalue::{Entry, Node, SValue};
use super::template::{Ctx, Scope, Template};
use super::At;
use reqwest::header::HeaderName;
use serde_json::Value;

/// The operations of the Driver contract, as adapter files name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpKind {
    Capabilities,
    Authenticate,
    Submit,
    AttachSignature,
    Read,
    Act,
    Result,
    SetClock,
}

impl OpKind {
    pub const ALL: [OpKind; 8] = [
        OpKind::Capabilities,
        OpKind::Authenticate,
        OpKind::Submit,
        OpKind::AttachSignature,
        OpKind::Read,
        OpKind::Act,
        OpKind::Result,
        OpKind::SetClock,
    ];

    /// The table name: `[operations.attach_signature]`.
    pub fn table(self) -> &'static str {
        match self {
            OpKind::Capabilities => "capabilities",
            OpKind::Authenticate => "authenticate",
            OpKind::Submit => "submit",
            OpKind::AttachSignature => "attach_signature",
            OpKind::Read => "read",
            OpKind::Act => "act",
            OpKind::Result => "result",
            OpKind::SetClock => "set_clock",
        }
    }

    /// The contract's operationId, as [`crate::DriverError`]s name operations.
    pub fn contract_id(self) -> &'static str {
        match self {
            OpKind::Capabilities => "capabilities",
            OpKind::Authenticate => "authenticate",
            OpKind::Submit => "submitRequest",
            OpKind::AttachSignature => "attachSignature",
            OpKind::Read => "readRequest",
            OpKind::Act => "operatorAction",
            OpKind::Result => "fetchResult",
            OpKind::SetClock => "setClock",
        }
    }

    /// The template variables of the operation (`.*`: anything below).
    pub fn vars(self) -> &'static [&'static str] {
        match self {
            OpKind::Capabilities => &[],
            OpKind::Authenticate => &[
                "credentials.role",
                "credentials.iin",
                "credentials.password",
            ],
            OpKind::Submit => &[
                "token",
                "input.service",
                "input.channel",
                "input.applicant_iin",
                "input.entity_bin",
                "input.form.*",
                "input.attachments.*",
            ],
            OpKind::AttachSignature => &["token", "request_id", "cms_base64"],
            OpKind::Read | OpKind::Result => &["token", "request_id"],
            OpKind::Act => &[
                "token",
                "request_id",
                "action.action",
                "action.decision",
                "action.reason",
                "action.attended",
            ],
            OpKind::SetClock => &["now"],
        }
    }

    pub fn required(self) -> bool {
        self != OpKind::SetClock
    }

    /// The contract's answer on success.
    fn answer(self) -> Option<&'static [Field]> {
        match self {
            OpKind::Capabilities => Some(extract::CAPABILITIES),
            OpKind::Authenticate => Some(extract::SESSION),
            OpKind::Submit => Some(extract::SUBMITTED),
            OpKind::AttachSignature | OpKind::Read | OpKind::Act => Some(extract::VIEW),
            OpKind::Result => Some(extract::RESULT),
            OpKind::SetClock => None,
        }
    }

    /// The contract's answer to a refusal, where the operation can be refused.
    fn refusal(self) -> Option<&'static [Field]> {
        match self {
            OpKind::Authenticate => Some(extract::PROBLEM),
            OpKind::Submit | OpKind::AttachSignature => Some(extract::VIEW),
            _ => None,
        }
    }

    fn may_then_read(self) -> bool {
        matches!(self, OpKind::AttachSignature | OpKind::Act)
    }
}

/// An HTTP status or a class of them (`"4xx"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    Code(u16),
    Class(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Ok,
    Refused,
    NotFound,
    Unexpected,
}

#[derive(Debug)]
pub(crate) struct StatusRules {
    ok: Vec<Pattern>,
    refused: Vec<Pattern>,
    not_found: Vec<Pattern>,
}

impl StatusRules {
    fn defaults(kind: OpKind) -> StatusRules {
        StatusRules {
            ok: vec![Pattern::Class(2)],
            refused: match kind {
                OpKind::Authenticate => vec![Pattern::Code(401)],
                OpKind::Submit | OpKind::AttachSignature => vec![Pattern::Code(422)],
                _ => vec![],
            },
            not_found: match kind {
                OpKind::SetClock => {
                    vec![Pattern::Code(404), Pattern::Code(405), Pattern::Code(501)]
                }
                _ => vec![Pattern::Code(404)],
            },
        }
    }

    /// Exact codes first, then classes.
    pub fn verdict(&self, status: u16) -> Verdict {
        let lists = [
            (&self.ok, Verdict::Ok),
            (&self.refused, Verdict::Refused),
            (&self.not_found, Verdict::NotFound),
        ];
        for exact in [true, false] {
            for (list, verdict) in &lists {
                let hit = list.iter().any(|p| match *p {
                    Pattern::Code(c) => exact && c == status,
                    Pattern::Class(k) => !exact && status / 100 == k,
                });
                if hit {
                    return *verdict;
                }
            }
        }
        Verdict::Unexpected
    }

    fn compile(node: &Node, here: &str, kind: OpKind) -> Result<StatusRules, At> {
        let mut rules = StatusRules::defaults(kind);
        for e in table(node, here)? {
            let list = match e.key.as_str() {
                "ok" => &mut rules.ok,
                "refused" if kind.refusal().is_some() => &mut rules.refused,
                "refused" => {
                    return Err(At::new(
                        &e.key_span,
                        format!(
                            "{here}.refused: `{}` cannot be refused in the contract",
                            kind.table()
                        ),
                    ))
                }
                "not_found" => &mut rules.not_found,
                other => {
                    return Err(At::new(
                        &e.key_span,
                        format!("{here}: unknown key `{other}`; it has ok, refused, not_found"),
                    ))
                }
            };
            let items: Vec<&Node> = match &e.value.value {
                SValue::Array(items) => items.iter().collect(),
                _ => vec![&e.value],
            };
            list.clear();
            for n in items {
                let p = match &n.value {
                    SValue::Int(c) if (100..=599).contains(c) => Pattern::Code(*c as u16),
                    SValue::Str(s)
                        if s.len() == 3
                            && s.ends_with("xx")
                            && matches!(&s[..1], "1" | "2" | "3" | "4" | "5") =>
                    {
                        Pattern::Class(s[..1].parse().expect("a digit"))
                    }
                    _ => {
                        return Err(At::new(
                            &n.span,
                            format!(
                                "{here}.{}: expected HTTP statuses such as 200 or \"2xx\"",
                                e.key
                            ),
                        ))
                    }
                };
                list.push(p);
            }
        }
        let all = [
            ("ok", &rules.ok),
            ("refused", &rules.refused),
            ("not_found", &rules.not_found),
        ];
        for (i, (a, la)) in all.iter().enumerate() {
            for (b, lb) in &all[i + 1..] {
                if let Some(p) = la.iter().find(|p| lb.contains(p)) {
                    let shown = match p {
                        Pattern::Code(c) => c.to_string(),
                        Pattern::Class(k) => format!("{k}xx"),
                    };
                    return Err(At::new(
                        &node.span,
                        format!("{here}: {shown} is both {a} and {b}"),
                    ));
                }
            }
        }
        Ok(rules)
    }
}

/// A request body: JSON built from a TOML value whose strings are templates.
#[derive(Debug)]
pub(crate) enum BodyTree {
    Template(Template),
    Const(Value),
    Array(Vec<BodyTree>),
    Object(Vec<(String, BodyTree)>),
}

impl BodyTree {
    fn compile(node: &Node, here: &str, scope: &Scope) -> Result<BodyTree, At> {
        Ok(match &node.value {
            SValue::Str(s) => BodyTree::Template(
                Template::parse(s, scope)
                    .map_err(|m| At::new(&node.span, format!("{here}: {m}")))?,
            ),
            SValue::Array(items) => BodyTree::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| BodyTree::compile(n, &format!("{here}[{i}]"), scope))
                    .collect::<Result<_, _>>()?,
            ),
            SValue::Table(entries) => BodyTree::Object(
                entries
                    .iter()
                    .map(|e| {
                        Ok((
                            e.key.clone(),
                            BodyTree::compile(&e.value, &format!("{here}.{}", e.key), scope)?,
                        ))
                    })
                    .collect::<Result<_, At>>()?,
            ),
            other => BodyTree::Const(other.to_json()),
        })
    }

    pub fn render(&self, ctx: &Ctx) -> Result<Value, String> {
        Ok(match self {
            BodyTree::Template(t) => t.render(ctx)?,
            BodyTree::Const(v) => v.clone(),
            BodyTree::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|b| b.render(ctx))
                    .collect::<Result<_, _>>()?,
            ),
            BodyTree::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, b)| Ok((k.clone(), b.render(ctx)?)))
                    .collect::<Result<_, String>>()?,
            ),
        })
    }
}

#[derive(Debug)]
pub(crate) enum Body {
    Json(BodyTree),
    /// `application/x-www-form-urlencoded`; absent values are left out.
    Form(Vec<(String, Template)>),
}

/// One mapped operation.
#[derive(Debug)]
pub(crate) struct Op {
    pub kind: OpKind,
    pub method: reqwest::Method,
    pub path: Template,
    pub query: Vec<(String, Template)>,
    pub headers: Vec<(HeaderName, Template)>,
    pub body: Option<Body>,
    pub status: StatusRules,
    pub extract: Option<Mapping>,
    pub extract_refused: Option<Mapping>,
    /// The answer carries no view of the request: read it afterwards.
    pub then_read: bool,
    /// `static`: the answer, without a request (capabilities only).
    pub fixed: Option<Value>,
}

const KEYS: &str =
    "method, path, query, headers, body, form, status, extract, extract_refused, then_read, static";

impl Op {
    /// Compiles `entry`, one of `all` (the `[operations]` table).
    pub fn compile(kind: OpKind, entry: &Entry, all: &[Entry], scope: &Scope) -> Result<Op, At> {
        let name = format!("operations.{}", kind.table());
        let entries = table(&entry.value, &name)?;
        let get = |key: &str| entries.iter().find(|e| e.key == key);
        for e in entries {
            if !KEYS.split(", ").any(|k| k == e.key) {
                return Err(At::new(
                    &e.key_span,
                    format!("{name}: unknown key `{}`; an operation has {KEYS}", e.key),
                ));
            }
        }
        let answer_scope = Scope {
            answer: true,
            ..*scope
        };

        if let Some(s) = get("static") {
            if kind != OpKind::Capabilities {
                return Err(At::new(
                    &s.key_span,
                    format!("{name}: `static` answers are for capabilities only"),
                ));
            }
            if let Some(other) = entries.iter().find(|e| e.key != "static") {
                return Err(At::new(
                    &other.key_span,
                    format!(
                        "{name}: a static answer makes no request; `{}` has no use",
                        other.key
                    ),
                ));
            }
            table(&s.value, &format!("{name}.static"))?;
            // `clock_control` is left to the target when absent: whether
            // the file maps set_clock.
            let value = s.value.value.to_json();
            serde_json::from_value::<crate::Capabilities>(value.clone()).map_err(|e| {
                At::new(
                    &s.value.span,
                    format!("{name}.static: not the contract's capabilities: {e}"),
                )
            })?;
            return Ok(Op {
                kind,
                method: reqwest::Method::GET,
                path: Template::parse("", scope).expect("an empty template"),
                query: vec![],
                headers: vec![],
                body: None,
                status: StatusRules::defaults(kind),
                extract: None,
                extract_refused: None,
                then_read: false,
                fixed: Some(value),
            });
        }

        let path_entry = get("path").ok_or_else(|| {
            let hint = if kind == OpKind::Capabilities {
                " (or a `static` answer)"
            } else {
                ""
            };
            At::new(&entry.key_span, format!("{name}: no `path`{hint}"))
        })?;
        let path_text = string(&path_entry.value, &format!("{name}.path"))?;
        if !path_text.starts_with('/') {
            return Err(At::new(
                &path_entry.value.span,
                format!(
                    "{name}.path: `{path_text}` must start with `/` (it follows [target] base_url)"
                ),
            ));
        }
        let path = Template::parse(path_text, scope)
            .map_err(|m| At::new(&path_entry.value.span, format!("{name}.path: {m}")))?;

        let mut query = Vec::new();
        if let Some(q) = get("query") {
            for e in table(&q.value, &format!("{name}.query"))? {
                let here = format!("{name}.query.{}", e.key);
                let t = Template::parse(string(&e.value, &here)?, scope)
                    .map_err(|m| At::new(&e.value.span, format!("{here}: {m}")))?;
                query.push((e.key.clone(), t));
            }
        }
        let headers = match get("headers") {
            Some(h) => header_list(&h.value, &format!("{name}.headers"), scope)?,
            None => vec![],
        };
        let body = match (get("body"), get("form")) {
            (Some(_), Some(f)) => {
                return Err(At::new(
                    &f.key_span,
                    format!("{name}: `body` (JSON) or `form`, not both"),
                ))
            }
            (Some(b), None) => Some(Body::Json(BodyTree::compile(
                &b.value,
                &format!("{name}.body"),
                scope,
            )?)),
            (None, Some(f)) => {
                let mut fields = Vec::new();
                for e in table(&f.value, &format!("{name}.form"))? {
                    let here = format!("{name}.form.{}", e.key);
                    let t = Template::parse(string(&e.value, &here)?, scope)
                        .map_err(|m| At::new(&e.value.span, format!("{here}: {m}")))?;
                    fields.push((e.key.clone(), t));
                }
                Some(Body::Form(fields))
            }
            (None, None) => None,
        };
        let method = match get("method") {
            Some(m) => {
                let text = string(&m.value, &format!("{name}.method"))?.to_ascii_uppercase();
                match text.as_str() {
                    "GET" | "POST" | "PUT" | "PATCH" | "DELETE" => {
                        reqwest::Method::from_bytes(text.as_bytes()).expect("a method")
                    }
                    _ => {
                        return Err(At::new(
                            &m.value.span,
                            format!(
                                "{name}.method: `{text}`; expected GET, POST, PUT, PATCH or DELETE"
                            ),
                        ))
                    }
                }
            }
            None if body.is_some() => reqwest::Method::POST,
            None => reqwest::Method::GET,
        };
        let status = match get("status") {
            Some(s) => StatusRules::compile(&s.value, &format!("{name}.status"), kind)?,
            None => StatusRules::defaults(kind),
        };
        let then_read = match get("then_read") {
            Some(e) => match e.value.value {
                SValue::Bool(b) if kind.may_then_read() => b,
                SValue::Bool(_) => {
                    return Err(At::new(
                        &e.key_span,
                        format!("{name}.then_read: only attach_signature and act may read the request afterwards"),
                    ))
                }
                _ => return Err(At::new(&e.value.span, format!("{name}.then_read: expected true or false"))),
            },
            None => false,
        };
        let extract = match (get("extract"), kind.answer()) {
            (Some(e), None) => {
                return Err(At::new(
                    &e.key_span,
                    format!("{name}: `{}` has no answer to extract (any ok status will do)", kind.table()),
                ))
            }
            (Some(e), Some(_)) if then_read => {
                return Err(At::new(
                    &e.key_span,
                    format!("{name}: `then_read = true` reads the answer with [operations.read]; drop `extract`"),
                ))
            }
            (Some(e), Some(schema)) => Some(mapping(e, "extract", &name, schema, all, &answer_scope)?),
            (None, Some(_)) if !then_read => {
                let hint = if kind.may_then_read() {
                    " (or `then_read = true`)"
                } else {
                    ""
                };
                return Err(At::new(
                    &entry.key_span,
                    format!("{name}: no `extract` to read the answer with{hint}"),
                ));
            }
            (None, _) => None,
        };
        let extract_refused = match (get("extract_refused"), kind.refusal()) {
            (Some(e), None) => {
                return Err(At::new(
                    &e.key_span,
                    format!(
                        "{name}: `{}` cannot be refused in the contract",
                        kind.table()
                    ),
                ))
            }
            (Some(e), Some(schema)) => Some(mapping(
                e,
                "extract_refused",
                &name,
                schema,
                all,
                &answer_scope,
            )?),
            (None, _) => None,
        };
        Ok(Op {
            kind,
            method,
            path,
            query,
            headers,
            body,
            status,
            extract,
            extract_refused,
            then_read,
            fixed: None,
        })
    }
}

/// An `extract` table, or the name of an operation whose `extract` builds
/// the same answer (`extract = "read"`), compiled here with this operation's
/// variables.
fn mapping(
    e: &Entry,
    key: &str,
    name: &str,
    schema: &'static [Field],
    all: &[Entry],
    scope: &Scope,
) -> Result<Mapping, At> {
    let SValue::Str(other) = &e.value.value else {
        let entries = table(&e.value, &format!("{name}.{key}"))?;
        return Mapping::compile(
            entries,
            &e.value.span,
            &format!("{name}.{key}"),
            schema,
            scope,
        );
    };
    let bad = |m: String| At::new(&e.value.span, format!("{name}.{key} = \"{other}\": {m}"));
    let kind = OpKind::ALL
        .iter()
        .find(|k| k.table() == other)
        .ok_or_else(|| bad("no such operation".into()))?;
    if !kind.answer().is_some_and(|s| std::ptr::eq(s, schema)) {
        return Err(bad(format!("`{other}` answers something else")));
    }
    let source = all
        .iter()
        .find(|o| &o.key == other)
        .ok_or_else(|| bad(format!("the file has no [operations.{other}]")))?;
    let extract = table(&source.value, &format!("operations.{other}"))?
        .iter()
        .find(|x| x.key == "extract")
        .ok_or_else(|| bad(format!("[operations.{other}] has no `extract`")))?;
    let SValue::Table(entries) = &extract.value.value else {
        return Err(bad(format!(
            "operations.{other}.extract is not a table (no chains)"
        )));
    };
    Mapping::compile(
        entries,
        &extract.value.span,
        &format!("operations.{other}.extract (as {name}.{key})"),
        schema,
        scope,
    )
}
