//! Generates the TypeScript argument and method types of every operation from the operation
//! table, so they cannot drift from what the request builder accepts, and checks the committed
//! `src/bindings/operations.d.ts` is current. `UPDATE_OPERATIONS=1 cargo test --test
//! operations_dts` rewrites it.

use mistral_edge::model::shape::Shape;
use mistral_edge::request::surface::{Method, RESOURCES};
use mistral_edge::request::{ops, BodyKind, Operation, ParamKind, ResponseKind};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/bindings/operations.d.ts");

/// The TypeScript type of a shape.
fn ts(shape: &Shape) -> String {
    match shape {
        Shape::String => "string".into(),
        Shape::DateTime => "Date".into(),
        Shape::Number | Shape::Integer => "number".into(),
        Shape::Bool => "boolean".into(),
        Shape::Any => "unknown".into(),
        Shape::Nullable(inner) => format!("{} | null", ts(inner)),
        Shape::Array(inner) => match inner {
            Shape::OneOf(_) | Shape::Nullable(_) => format!("({})[]", ts(inner)),
            _ => format!("{}[]", ts(inner)),
        },
        Shape::Record(inner) => format!("Record<string, {}>", ts(inner)),
        Shape::Struct(s) => s.name.into(),
        Shape::Union(u) => u.name.into(),
        Shape::OneOf(branches) => branches
            .iter()
            .map(|b| ts(b))
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// The TypeScript type of a path or query parameter, from its wire name.
fn param_ts(wire: &str, kind: ParamKind) -> &'static str {
    match (kind, wire) {
        (ParamKind::Path, _) => "string",
        (ParamKind::QueryJson, _) | (ParamKind::QueryObject, _) => "Record<string, unknown>",
        (_, "agent_version") => "number | string",
        (_, "page" | "page_size" | "version" | "expiry" | "page_start" | "page_end") => "number",
        (_, "sources") => "string[]",
        (
            _,
            "deployment_chat"
            | "active"
            | "fetch_user_data"
            | "fetch_customer_data"
            | "refresh"
            | "pretty"
            | "fetch_default"
            | "github_installation_link"
            | "filter_owned_by_me",
        ) => "boolean",
        _ => "string",
    }
}

/// `libraries.documents.upload` → `LibrariesDocumentsUploadRequest`.
fn type_name(op: &Operation, suffix: &str) -> String {
    let mut name = String::new();
    for part in op.name.split('.') {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name + suffix
}

/// The method's result type.
pub fn result_ts(op: &Operation) -> String {
    match &op.response {
        ResponseKind::Json(shape) => ts(shape),
        ResponseKind::Empty => "void".into(),
        ResponseKind::Events => "EventStream".into(),
        ResponseKind::Bytes => "Uint8Array".into(),
    }
}

fn declaration(op: &Operation) -> String {
    let params: Vec<String> = op
        .params
        .iter()
        .map(|p| {
            // An optional parameter may be `null` (the official SDK's types allow it); it is
            // left out of the request, as when absent.
            let (optional, null) = if p.required { ("", "") } else { ("?", " | null") };
            format!("{}{optional}: {}{null}", p.js, param_ts(p.wire, p.kind))
        })
        .collect();
    let params = params.join("; ");
    let name = type_name(op, "Request");
    let doc = format!(
        "/** Arguments of `{}` ({} `{}`). */\n",
        op.name,
        op.method.as_str(),
        op.path
    );
    let body = match &op.body {
        None if params.is_empty() => {
            return format!("{doc}export type {name} = Record<string, never>;\n")
        }
        None => return format!("{doc}export interface {name} {{ {params} }}\n"),
        Some(body) => body,
    };
    let (flat, wrapped) = match &body.kind {
        BodyKind::Json(shape) => (ts(shape), ts(shape)),
        BodyKind::Multipart { file } => (
            format!("{{ {file}: FileInput }}"),
            format!("{{ {file}: FileInput }}"),
        ),
    };
    if params.is_empty() {
        format!(
            "{doc}export type {name} =\n    | {flat}\n    | {{ {key}: {wrapped} }};\n",
            key = body.key
        )
    } else {
        format!(
            "{doc}export type {name} =\n    | ({{ {params} }} & {flat})\n    | {{ {params}; {key}: {wrapped} }};\n",
            key = body.key
        )
    }
}

fn generate() -> String {
    let mut out = String::from(
        "// Generated from the operation table (src/request/ops.rs) by tests/operations_dts.rs.\n\
         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n\n\
         /** A file to upload: a `Blob` or `File`, bytes, or the official SDK's `{ fileName, content }`. */\n\
         export type FileInput = Blob | Uint8Array | ArrayBuffer | { fileName: string; content: Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> };\n\n",
    );
    for op in ops::ALL {
        out.push_str(&declaration(op));
        out.push_str(&format!(
            "/** What `{}` resolves to. */\nexport type {} = {};\n\n",
            op.name,
            type_name(op, "Response"),
            result_ts(op)
        ));
    }
    out
}

#[test]
fn operations_dts_is_current() {
    let generated = generate();
    if std::env::var_os("UPDATE_OPERATIONS").is_some() {
        std::fs::write(FILE, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        committed == generated,
        "src/bindings/operations.d.ts is out of date: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`"
    );
}

#[test]
fn every_operation_has_a_unique_name() {
    let mut names: Vec<&str> = ops::ALL.iter().map(|op| op.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

// ------------------------------------------------------------------ the resource classes

const RESOURCES_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/resources.js");
const RESOURCES_DTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/resources.d.ts");
const GENERATED: &str = "// Generated from src/request/surface.rs by tests/operations_dts.rs.\n\
                         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n";

/// The index of `op` in `ops::ALL`, which the wasm export `call` takes.
fn index_of(op: &Operation) -> usize {
    ops::ALL
        .iter()
        .position(|o| o.name == op.name)
        .unwrap_or_else(|| panic!("{} is not in ops::ALL", op.name))
}

/// The resources reached from the resource at `path` (or from `beta`), as (property, class, doc).
fn children(path: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    RESOURCES
        .iter()
        .filter_map(|r| {
            let rest = r.path.strip_prefix(path)?.strip_prefix('.')?;
            (!rest.contains('.')).then_some((rest, r.class, r.property_doc))
        })
        .collect()
}

fn doc_comment(lines: &[&str], indent: &str) -> String {
    let mut out = format!("{indent}/**\n");
    for line in lines {
        out.push_str(&format!("{indent} *{}\n", line.trim_end()));
    }
    out + &format!("{indent} */\n")
}

/// The operations a generated file covers: every one, or those of the `mistral-edge-client/conversations`
/// entry ([`ops::CONVERSATIONS`]).
#[derive(Clone, Copy)]
enum Scope {
    All,
    Conversations,
}

impl Scope {
    fn has(self, op: &Operation) -> bool {
        match self {
            Scope::All => true,
            Scope::Conversations => ops::CONVERSATIONS.iter().any(|o| o.name == op.name),
        }
    }

    /// The methods of `r` in scope.
    fn methods(self, r: &mistral_edge::request::surface::Resource) -> Vec<Method> {
        r.methods
            .iter()
            .filter(|m| self.has(m.op))
            .copied()
            .collect()
    }

    /// Whether the resource at `path` has a method in scope, or a resource below it does.
    fn reaches(self, path: &str) -> bool {
        RESOURCES.iter().any(|r| {
            (r.path == path || r.path.starts_with(&format!("{path}.")))
                && !self.methods(r).is_empty()
        })
    }

    /// The resources reached from the resource at `path` (or from `beta`), within scope.
    fn children(self, path: &str) -> Vec<(&'static str, &'static str, &'static str)> {
        children(path)
            .into_iter()
            .filter(|(property, _, _)| self.reaches(&format!("{path}.{property}")))
            .collect()
    }

    /// Where the generated files find the wasm-bindgen module, from where they are shipped.
    fn glue(self) -> &'static str {
        match self {
            Scope::All => "./mistral_edge.js",
            Scope::Conversations => "../mistral_edge.js",
        }
    }
}

/// `js/resources.js`: a class per resource, a method per operation, each a call of the wasm
/// export with the operation's index; nested resources as properties.
fn generate_js(scope: Scope) -> String {
    let mut out = format!(
        "{GENERATED}// The resource classes of the client: each method runs one operation of the table in\n\
         // src/request/ops.rs through the wasm export `call`, which takes its index there.\n\n\
         import {{ call }} from \"./mistral_edge.js\";\n"
    );
    let class = |name: &str, path: &str, methods: &[Method]| {
        // Made by `new Mistral()` only (the .d.ts says `private constructor()`): any other
        // argument is a mistake worth a clear message at once, not a TypeError at the first call.
        let guard = format!(
            "    if (typeof config?.core?.delay !== \"function\") {{\n      throw new TypeError(\"{name} is made by new Mistral(): use client.{path}\");\n    }}\n"
        );
        let mut out = if methods.is_empty() {
            format!("\nexport class {name} {{\n  constructor(config) {{\n{guard}")
        } else {
            format!("\nexport class {name} {{\n  #config;\n\n  constructor(config) {{\n{guard}    this.#config = config;\n")
        };
        for (property, class, _) in scope.children(path) {
            out.push_str(&format!("    this.{property} = new {class}(config);\n"));
        }
        out.push_str("  }\n");
        for m in methods {
            out.push_str(&format!(
                "\n  {}(request, options) {{\n    return call(this.#config, {}, request, options);\n  }}\n",
                m.name,
                index_of(m.op)
            ));
        }
        out + "}\n"
    };
    out.push_str(&class("Beta", "beta", &[]));
    for r in RESOURCES.iter().filter(|r| scope.reaches(r.path)) {
        out.push_str(&class(r.class, r.path, &scope.methods(r)));
    }
    out
}

/// `js/resources.d.ts`: the classes' declarations, with their docs.
fn generate_dts(scope: Scope) -> String {
    let mut out = format!("{GENERATED}import type * as T from \"{}\";\n", scope.glue());
    let class = |name: &str, doc: &[&str], path: &str, methods: &[Method]| {
        let mut out = format!(
            "\n{}export declare class {name} {{\n    private constructor();\n",
            doc_comment(doc, "")
        );
        for (property, class, doc) in scope.children(path) {
            out.push_str(&doc_comment(&[&format!(" {doc}")], "    "));
            out.push_str(&format!("    readonly {property}: {class};\n"));
        }
        for m in methods {
            let promise = if m.pages { "T.PagePromise" } else { "Promise" };
            // As in the official SDK, a call whose arguments are all optional takes none.
            let optional = m.op.body.is_none() && m.op.params.iter().all(|p| !p.required);
            out.push_str(&doc_comment(m.doc, "    "));
            out.push_str(&format!(
                "    {}(request{}: T.{}, options?: T.RequestOptions): {promise}<T.{}>;\n",
                m.name,
                if optional { "?" } else { "" },
                type_name(m.op, "Request"),
                type_name(m.op, "Response")
            ));
        }
        out + "}\n"
    };
    let beta = match scope {
        Scope::All => " The beta APIs: agents, conversations, connectors, libraries.",
        Scope::Conversations => " The beta APIs of this entry: conversations.",
    };
    out.push_str(&class("Beta", &[beta], "beta", &[]));
    for r in RESOURCES.iter().filter(|r| scope.reaches(r.path)) {
        out.push_str(&class(r.class, r.doc, r.path, &scope.methods(r)));
    }
    out
}

const CONVERSATIONS_JS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/js/conversations/resources.js");
const CONVERSATIONS_DTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/js/conversations/resources.d.ts"
);

#[test]
fn resource_classes_are_current() {
    for (file, generated) in [
        (RESOURCES_JS, generate_js(Scope::All)),
        (RESOURCES_DTS, generate_dts(Scope::All)),
        (CONVERSATIONS_JS, generate_js(Scope::Conversations)),
        (CONVERSATIONS_DTS, generate_dts(Scope::Conversations)),
    ] {
        if std::env::var_os("UPDATE_OPERATIONS").is_some() {
            std::fs::write(file, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(file).unwrap_or_default();
        assert!(
            committed == generated,
            "{file} is out of date: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`"
        );
    }
}

#[test]
fn the_conversation_calls_come_first() {
    // The `mistral-edge-client/conversations` wasm's table is `ops::CONVERSATIONS`: its operations must
    // have the same indices in the whole table, which the generated classes call them by.
    let names = |list: &[&Operation]| list.iter().map(|o| o.name).collect::<Vec<_>>();
    assert_eq!(
        names(&ops::ALL[..ops::CONVERSATIONS.len()]),
        names(ops::CONVERSATIONS)
    );
}

#[test]
fn every_operation_has_exactly_one_method() {
    let mut seen = vec![0; ops::ALL.len()];
    for r in RESOURCES {
        for m in r.methods {
            seen[index_of(m.op)] += 1;
        }
    }
    for (op, count) in ops::ALL.iter().zip(seen) {
        assert_eq!(count, 1, "{} is run by {count} methods", op.name);
    }
}

#[test]
fn every_resource_is_reached_from_the_client() {
    for r in RESOURCES {
        let parent = r.path.rsplit_once('.').map_or("", |(parent, _)| parent);
        assert!(
            parent.is_empty() || parent == "beta" || RESOURCES.iter().any(|p| p.path == parent),
            "{} hangs from {parent}, which is not a resource",
            r.path
        );
    }
}
