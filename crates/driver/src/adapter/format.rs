//! Reading an adapter file: `[target]`, `[maps]`, `[operations.*]`.

use super::operation::{Op, OpKind};
use super::svalue::{self, Entry, Node, SValue};
use super::template::{Ctx, Scope, Template, ValueMap};
use super::{extract, AdapterError, At};
use reqwest::header::HeaderName;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// A loaded and checked adapter file.
pub struct AdapterFile {
    pub(crate) origin: String,
    pub(crate) base_url: String,
    pub(crate) timeout: Duration,
    /// `[target] headers`: sent with every request (those reading `{{token}}`
    /// only with the operations that have one).
    pub(crate) headers: Vec<(HeaderName, Template)>,
    pub(crate) ops: Vec<Op>,
}

/// Shows where the file is and what it maps, not its templates: those may
/// hold values of environment variables (API keys).
impl std::fmt::Debug for AdapterFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdapterFile")
            .field("origin", &self.origin)
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("operations", &self.operations())
            .finish()
    }
}

/// Where `datetime` puts times written without an offset: Kazakhstan's
/// single time zone since 1 March 2024.
const DEFAULT_UTC_OFFSET: &str = "+05:00";
const DEFAULT_TIMEOUT_S: f64 = 30.0;

impl AdapterFile {
    /// Reads and checks the file at `path`.
    pub fn load(path: impl AsRef<Path>) -> Result<AdapterFile, AdapterError> {
        let path = path.as_ref();
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| AdapterError {
            file: origin.clone(),
            line: None,
            column: None,
            message: format!("cannot read the adapter file: {e}"),
        })?;
        Self::parse(&text, &origin)
    }

    /// Checks the text of an adapter file; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<AdapterFile, AdapterError> {
        Self::compile(text, origin).map_err(|at| at.locate(origin, text))
    }

    /// The system's address, from `[target] base_url`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `[target] timeout_s`.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The operations the file maps, by their table names.
    pub fn operations(&self) -> Vec<&'static str> {
        self.ops.iter().map(|op| op.kind.table()).collect()
    }

    pub(crate) fn op(&self, kind: OpKind) -> Option<&Op> {
        self.ops.iter().find(|op| op.kind == kind)
    }

    fn compile(text: &str, origin: &str) -> Result<AdapterFile, At> {
        let top = svalue::parse(text).map_err(|e| At {
            span: e.span(),
            message: format!("not TOML: {}", e.message().trim().replace('\n', "; ")),
        })?;
        let mut target = None;
        let mut maps = None;
        let mut operations = None;
        for e in &top {
            match e.key.as_str() {
                "target" => target = Some(e),
                "maps" => maps = Some(e),
                "operations" => operations = Some(e),
                other => {
                    return Err(At::new(
                        &e.key_span,
                        format!("unknown table `{other}`; an adapter file has [target], [maps] and [operations.<name>]"),
                    ))
                }
            }
        }
        let target =
            target.ok_or_else(|| At::file("no [target] table (base_url = \"http://…\")"))?;
        let target_entries = table(&target.value, "target")?;
        let mut offset_text = DEFAULT_UTC_OFFSET.to_string();
        if let Some(e) = target_entries.iter().find(|e| e.key == "utc_offset") {
            offset_text = string(&e.value, "target.utc_offset")?.to_string();
        }
        let offset: chrono::FixedOffset = offset_text.parse().map_err(|_| {
            let span = target_entries
                .iter()
                .find(|e| e.key == "utc_offset")
                .map(|e| e.value.span.clone());
            At {
                span,
                message: format!(
                    "target.utc_offset: `{offset_text}` is not an offset like \"+05:00\""
                ),
            }
        })?;

        let mut named_maps = BTreeMap::new();
        if let Some(e) = maps {
            for m in table(&e.value, "maps")? {
                let name = format!("maps.{}", m.key);
                let map: ValueMap = extract::value_map(&name, table(&m.value, &name)?)?;
                named_maps.insert(m.key.clone(), Arc::new(map));
            }
        }

        let mut base_url = None;
        let mut timeout = Duration::from_secs_f64(DEFAULT_TIMEOUT_S);
        let mut headers = Vec::new();
        for e in target_entries {
            let here = format!("target.{}", e.key);
            match e.key.as_str() {
                "base_url" => {
                    let no_vars = Scope {
                        vars: &[],
                        answer: false,
                        maps: &named_maps,
                        offset,
                    };
                    let t = Template::parse(string(&e.value, &here)?, &no_vars)
                        .map_err(|m| At::new(&e.value.span, format!("{here}: {m}")))?;
                    let url = t
                        .render_text(
                            &Ctx {
                                vars: &serde_json::Value::Null,
                                answer: None,
                            },
                            |s| s.to_string(),
                        )
                        .map_err(|m| At::new(&e.value.span, format!("{here}: {m}")))?;
                    if !(url.starts_with("http://") || url.starts_with("https://")) {
                        return Err(At::new(
                            &e.value.span,
                            format!("{here}: `{url}` is not an http:// or https:// address"),
                        ));
                    }
                    base_url = Some(url.trim_end_matches('/').to_string());
                }
                "timeout_s" => {
                    let s = match e.value.value {
                        SValue::Int(i) => i as f64,
                        SValue::Float(f) => f,
                        _ => f64::NAN,
                    };
                    if !(s > 0.0 && s < 86_400.0) {
                        return Err(At::new(&e.value.span, format!("{here}: expected seconds, e.g. 30")));
                    }
                    timeout = Duration::from_secs_f64(s);
                }
                "headers" => {
                    let scope = Scope {
                        vars: &["token"],
                        answer: false,
                        maps: &named_maps,
                        offset,
                    };
                    headers = header_list(&e.value, &here, &scope)?;
                }
                "utc_offset" => {}
                other => {
                    return Err(At::new(
                        &e.key_span,
                        format!("unknown key `{other}` in [target]; it has base_url, headers, timeout_s, utc_offset"),
                    ))
                }
            }
        }
        let base_url =
            base_url.ok_or_else(|| At::new(&target.key_span, "[target] has no base_url"))?;

        let operations = operations.ok_or_else(|| At::file("no [operations.<name>] tables"))?;
        let mut ops = Vec::new();
        // Operations that borrow another's rules (`extract = "read"`) last,
        // so a mistake in the rules is reported where they are written.
        let all = table(&operations.value, "operations")?;
        let borrows = |e: &&Entry| match &e.value.value {
            SValue::Table(keys) => keys
                .iter()
                .any(|k| k.key.starts_with("extract") && matches!(k.value.value, SValue::Str(_))),
            _ => false,
        };
        let ordered = all
            .iter()
            .filter(|e| !borrows(e))
            .chain(all.iter().filter(borrows));
        for e in ordered {
            let Some(kind) = OpKind::ALL.iter().copied().find(|k| k.table() == e.key) else {
                let names: Vec<&str> = OpKind::ALL.iter().map(|k| k.table()).collect();
                return Err(At::new(
                    &e.key_span,
                    format!(
                        "unknown operation `{}`; the operations are: {}",
                        e.key,
                        names.join(", ")
                    ),
                ));
            };
            let scope = Scope {
                vars: kind.vars(),
                answer: false,
                maps: &named_maps,
                offset,
            };
            ops.push(Op::compile(
                kind,
                e,
                table(&operations.value, "operations")?,
                &scope,
            )?);
        }
        let missing: Vec<&str> = OpKind::ALL
            .iter()
            .filter(|k| k.required() && !ops.iter().any(|op| op.kind == **k))
            .map(|k| k.table())
            .collect();
        if !missing.is_empty() {
            return Err(At::new(
                &operations.key_span,
                format!(
                    "missing required operation(s) {}: add [operations.{}]",
                    missing.join(", "),
                    missing.join("], [operations.")
                ),
            ));
        }
        Ok(AdapterFile {
            origin: origin.to_string(),
            base_url,
            timeout,
            headers,
            ops,
        })
    }
}

/// The entries of a table, or a complaint naming `here`.
pub(crate) fn table<'a>(node: &'a Node, here: &str) -> Result<&'a [Entry], At> {
    match &node.value {
        SValue::Table(entries) => Ok(entries),
        other => Err(At::new(
            &node.span,
            format!("{here}: expected a table, found {}", other.kind()),
        )),
    }
}

pub(crate) fn string<'a>(node: &'a Node, here: &str) -> Result<&'a str, At> {
    match &node.value {
        SValue::Str(s) => Ok(s),
        other => Err(At::new(
            &node.span,
            format!("{here}: expected a string, found {}", other.kind()),
        )),
    }
}

/// A table of header names and templated values.
pub(crate) fn header_list(
    node: &Node,
    here: &str,
    scope: &Scope,
) -> Result<Vec<(HeaderName, Template)>, At> {
    let mut out = Vec::new();
    for h in table(node, here)? {
        let name = HeaderName::from_bytes(h.key.as_bytes()).map_err(|_| {
            At::new(
                &h.key_span,
                format!("{here}: `{}` is not a header name", h.key),
            )
        })?;
        let where_ = format!("{here}.{}", h.key);
        let t = Template::parse(string(&h.value, &where_)?, scope)
            .map_err(|m| At::new(&h.value.span, format!("{where_}: {m}")))?;
        out.push((name, t));
    }
    Ok(out)
}
