//! Which methods paginate is said once, in `src/request/surface.rs` (`, pages` or `, iterator`);
//! how each finds its next page is a rule exported by `js/pages.js` under the name of its
//! standalone function, which the generated classes import. This checks the two agree, so a
//! paginated method without a rule (or a rule left for a method that no longer paginates) fails
//! here, naming the method, instead of at esbuild time as a missing import or never.

use mistral_edge::request::surface::{function_name, Pages, RESOURCES};

const PAGES_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/pages.js");

/// What `js/pages.js` exports besides the rules: the page types and the helpers the generated
/// classes call.
const HELPERS: &[&str] = &["PagePromise", "paginate", "pageIterator"];

/// What a rule is, by its kind of pages: `pageIterator` takes `{ param, cursor }`, `paginate` a
/// function making the next page's arguments.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    /// An object literal (`export const x = { ... }`).
    Object,
    /// A function (`export const x = (...) =>`, `export function x`).
    Function,
    /// Anything else (a class, a value).
    Other,
}

/// Every top-level export of `text` (an ES module as `js/` writes them): its name and what it is.
fn exports(text: &str) -> Vec<(String, Rule)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("export ") else {
            continue;
        };
        let (kind, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let rest = rest.strip_prefix("* ").unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        if name.is_empty() {
            continue;
        }
        let value = rest[name.len()..].trim_start();
        let rule = match kind {
            "function" => Rule::Function,
            "const" | "let" | "var" => match value.strip_prefix('=').map(str::trim_start) {
                Some(v) if v.starts_with('{') => Rule::Object,
                Some(v)
                    if v.starts_with('(')
                        || v.starts_with("function")
                        || v.starts_with("async") =>
                {
                    Rule::Function
                }
                Some(v)
                    if v.split_once("=>").is_some_and(|(arg, _)| {
                        arg.trim()
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    }) =>
                {
                    Rule::Function
                }
                _ => Rule::Other,
            },
            _ => Rule::Other,
        };
        out.push((name, rule));
    }
    out
}

/// What the surface and `js/pages.js` (its text) disagree on, one message per method.
fn disagreements(pages_js: &str) -> Vec<String> {
    let rules = exports(pages_js);
    let mut wrong = Vec::new();
    // Every paginated method has its rule, of the kind its pages need.
    for resource in RESOURCES {
        for method in resource.methods {
            let name = function_name(resource.path, method.name);
            let (kind, want) = match method.pages {
                Pages::No => continue,
                Pages::Promise => ("pages", Rule::Function),
                Pages::Iterator => ("iterator", Rule::Object),
            };
            let what = format!(
                "`{}.{}` paginates (`, {kind}` in src/request/surface.rs)",
                resource.path, method.name
            );
            match rules.iter().find(|(n, _)| *n == name) {
                None => wrong.push(format!(
                    "{what} but js/pages.js exports no rule `{name}` for it"
                )),
                Some((_, rule)) if *rule != want => wrong.push(format!(
                    "{what} but the rule `{name}` of js/pages.js is not {}",
                    match want {
                        Rule::Object => "an object `{ param, cursor }`, as pageIterator takes",
                        _ => "a function `(args, page) => next args or null`, as paginate takes",
                    }
                )),
                Some(_) => {}
            }
        }
    }
    // Every rule is a paginated method's.
    for (name, _) in &rules {
        if HELPERS.contains(&name.as_str()) {
            continue;
        }
        let method = RESOURCES.iter().find_map(|r| {
            r.methods
                .iter()
                .find(|m| function_name(r.path, m.name) == *name)
                .map(|m| (r.path, m))
        });
        match method {
            Some((path, m)) if m.pages == Pages::No => wrong.push(format!(
                "js/pages.js has a rule `{name}`, but `{path}.{}` does not paginate in src/request/surface.rs (no `, pages` or `, iterator`)",
                m.name
            )),
            Some(_) => {}
            None => wrong.push(format!(
                "js/pages.js exports `{name}`, which is no method's standalone function (a rule for a method src/request/surface.rs does not have?)"
            )),
        }
    }
    wrong
}

#[test]
fn every_paginated_method_has_its_rule_and_every_rule_a_paginated_method() {
    let text = std::fs::read_to_string(PAGES_JS).unwrap_or_else(|e| panic!("{PAGES_JS}: {e}"));
    let wrong = disagreements(&text);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The surface has methods of both kinds, so both branches above ran.
    let kinds: Vec<Pages> = RESOURCES
        .iter()
        .flat_map(|r| r.methods.iter().map(|m| m.pages))
        .collect();
    assert!(kinds.contains(&Pages::Promise) && kinds.contains(&Pages::Iterator));
}

/// The check fails, naming the method, on each way the two can disagree (edits of the real file).
#[test]
fn a_missing_stray_or_misshapen_rule_is_named() {
    let text = std::fs::read_to_string(PAGES_JS).unwrap_or_else(|e| panic!("{PAGES_JS}: {e}"));
    let edit = |from: &str, to: &str| {
        assert!(text.contains(from), "js/pages.js no longer has `{from}`");
        disagreements(&text.replace(from, to))
    };

    let missing = edit(
        "export const betaConnectorsList =",
        "const betaConnectorsList =",
    );
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(
        missing[0].contains("`beta.connectors.list` paginates"),
        "{missing:?}"
    );
    assert!(
        missing[0].contains("no rule `betaConnectorsList`"),
        "{missing:?}"
    );

    let stray = format!("{text}\nexport const betaAgentsList = (args, page) => null;\n");
    let stray = disagreements(&stray);
    assert_eq!(stray.len(), 1, "{stray:?}");
    assert!(
        stray[0].contains("`beta.agents.list` does not paginate"),
        "{stray:?}"
    );

    let unknown = disagreements(&format!("{text}\nexport const betaAgentsListAll = {{}};\n"));
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].contains("`betaAgentsListAll`"), "{unknown:?}");

    let misshapen = edit(
        "export const betaAgentsListPages = {",
        "export const betaAgentsListPages = (args, page) => null;\nconst unused = {",
    );
    assert_eq!(misshapen.len(), 1, "{misshapen:?}");
    assert!(
        misshapen[0].contains("`beta.agents.listPages` paginates (`, iterator`"),
        "{misshapen:?}"
    );
    assert!(misshapen[0].contains("is not an object"), "{misshapen:?}");
}

#[test]
fn exports_are_read_as_written() {
    let text = [
        "export class PagePromise extends Promise {}",
        "export function pageIterator(fetch) {}",
        "export const paginate = (fetch, args, next) => 1;",
        "export const one = args => null;",
        "export const rule = {",
        "export const value = 3;",
        "  export const indented = {};",
    ]
    .join("\n");
    assert_eq!(
        exports(&text),
        vec![
            ("PagePromise".into(), Rule::Other),
            ("pageIterator".into(), Rule::Function),
            ("paginate".into(), Rule::Function),
            ("one".into(), Rule::Function),
            ("rule".into(), Rule::Object),
            ("value".into(), Rule::Other),
        ]
    );
}
