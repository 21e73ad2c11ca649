//! Generates the TypeScript argument and method types of every operation from the operation
//! table, so they cannot drift from what the request builder accepts, and checks the committed
//! `src/bindings/operations.d.ts` is current. `UPDATE_OPERATIONS=1 cargo test --test
//! operations_dts` rewrites it.

use mistral_edge::model::shape::Shape;
use mistral_edge::request::surface::{function_name as func_name, Method, Pages, RESOURCES};
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
        (_, "sources" | "sample_type" | "source" | "mimetypes") => "string[]",
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
            | "include_total"
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
        ResponseKind::Bytes => "ReadableStream<Uint8Array>".into(),
    }
}

fn declaration(op: &Operation) -> String {
    let params: Vec<String> = op
        .params
        .iter()
        .map(|p| {
            // An optional parameter may be `null` (the official SDK's types allow it); it is
            // left out of the request, as when absent.
            let (optional, null) = if p.required {
                ("", "")
            } else {
                ("?", " | null")
            };
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
        BodyKind::Multipart { file, fields } => {
            let mut members = format!("{file}: FileInput");
            for (js, _, shape) in *fields {
                members.push_str(&format!("; {js}?: {} | null", ts(shape)));
            }
            (format!("{{ {members} }}"), format!("{{ {members} }}"))
        }
    };
    if body.key.is_empty() {
        // Flat only: the official SDK has no wrapped form for this body.
        return if params.is_empty() {
            format!("{doc}export type {name} = {flat};\n")
        } else {
            format!("{doc}export type {name} = {{ {params} }} & {flat};\n")
        };
    }
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
    // Which methods paginate is said once, in src/request/surface.rs; how each finds its next
    // page is js/pages.js's, under the name of its standalone function.
    let paged: Vec<String> = RESOURCES
        .iter()
        .flat_map(|r| scope.methods(r).into_iter().map(move |m| (r.path, m)))
        .filter(|(_, m)| m.pages != Pages::No)
        .map(|(path, m)| func_name(path, m.name))
        .collect();
    if !paged.is_empty() {
        out.push_str(&format!(
            "import {{ paginate, pageIterator, {} }} from \"./pages.js\";\n",
            paged.join(", ")
        ));
    }
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
            let index = index_of(m.op);
            let body = match m.pages {
                Pages::No => format!("call(this.#config, {index}, request, options)"),
                Pages::Promise | Pages::Iterator => format!(
                    "{}((args) => call(this.#config, {index}, args, options), request, {})",
                    if m.pages == Pages::Promise {
                        "paginate"
                    } else {
                        "pageIterator"
                    },
                    func_name(path, m.name)
                ),
            };
            out.push_str(&format!(
                "\n  {}(request, options) {{\n    return {body};\n  }}\n",
                m.name
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

/// Whether `op` can be called without arguments: no body and no required parameter.
fn takes_nothing_required(op: &Operation) -> bool {
    op.body.is_none() && op.params.iter().all(|p| !p.required)
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
            let response = type_name(m.op, "Response");
            let returns = match m.pages {
                Pages::No => format!("Promise<T.{response}>"),
                Pages::Promise => format!("T.PagePromise<T.{response}>"),
                Pages::Iterator => format!("Promise<T.PageIterator<{{ result: T.{response} }}>>"),
            };
            // Arguments may be left out when none is required, as in the official SDK.
            let optional = if takes_nothing_required(m.op) {
                "?"
            } else {
                ""
            };
            out.push_str(&doc_comment(m.doc, "    "));
            out.push_str(&format!(
                "    {}(request{optional}: T.{}, options?: T.RequestOptions): {returns};\n",
                m.name,
                type_name(m.op, "Request"),
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

// ------------------------------------------------------------ the standalone functions

const FUNCS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/funcs");
const API_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/api.js");
const ERRORS_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/models/errors/index.js");
const ERRORS_DTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/models/errors/index.d.ts");
const COMPONENTS_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/models/components/index.js");
const COMPONENTS_DTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/js/models/components/index.d.ts"
);

/// Every standalone function: (name, resource path, method).
fn funcs() -> Vec<(String, &'static str, Method)> {
    RESOURCES
        .iter()
        .filter(|r| {
            r.path.starts_with("beta.") || r.path == "files" || r.path.starts_with("files.")
        })
        .flat_map(|r| {
            r.methods
                .iter()
                .map(|m| (func_name(r.path, m.name), r.path, *m))
        })
        .collect()
}

/// `js/funcs/<name>.js`: the method, called on the client it is given, its outcome as a Result.
fn func_js(name: &str, path: &str, m: &Method) -> String {
    let settle = match m.pages {
        Pages::No => "settle",
        Pages::Promise => "settlePages",
        Pages::Iterator => "settleIterator",
    };
    format!(
        "{GENERATED}// The standalone form of `client.{path}.{method}`, as the official SDK's `{name}`.\n\n\
         import {{ {settle} }} from \"../result.js\";\n\n\
         export function {name}(client, request, options) {{\n  \
         return {settle}(client.{path}.{method}(request, options));\n}}\n",
        method = m.name
    )
}

/// `js/funcs/<name>.d.ts`: its declaration, with the method's docs.
fn func_dts(name: &str, path: &str, m: &Method) -> String {
    let result = format!("Result<T.{}, MistralError>", type_name(m.op, "Response"));
    let (returns, pages_import, what) = match m.pages {
        Pages::Promise => (
            format!("PageResults<{result}>"),
            ", PageResults",
            " Await it for the first page's Result, or `for await` over it for every page's.",
        ),
        Pages::Iterator => (
            format!(
                "Promise<PageIterator<Result<{{ result: T.{} }}, MistralError>>>",
                type_name(m.op, "Response")
            ),
            ", PageIterator",
            " The first page's Result has `next()` and is async-iterable over every page's.",
        ),
        Pages::No => (format!("Promise<{result}>"), "", ""),
    };
    // As in the official SDK, a call whose arguments are all optional may leave them out.
    let optional = if m.op.body.is_none() && m.op.params.iter().all(|p| !p.required) {
        "?"
    } else {
        ""
    };
    let mut doc: Vec<String> = m.doc.iter().map(|l| l.to_string()).collect();
    doc.push(String::new());
    doc.push(format!(
        " The standalone form of `client.{path}.{}`: resolves to `{{ ok: true, value }}` or",
        m.name
    ));
    doc.push(" `{ ok: false, error }` and never rejects.".into());
    if !what.is_empty() {
        doc.push(what.into());
    }
    let doc: Vec<&str> = doc.iter().map(String::as_str).collect();
    format!(
        "{GENERATED}import type {{ MistralCore, Result{pages_import} }} from \"../core.js\";\n\
         import type {{ MistralError }} from \"../index.js\";\n\
         import type * as T from \"../mistral_edge.js\";\n\n\
         {}export declare function {name}(client: MistralCore, request{optional}: T.{}, options?: T.RequestOptions): {returns};\n",
        doc_comment(&doc, ""),
        type_name(m.op, "Request"),
    )
}

/// The error classes the package's entries export: the names ending in `Error` that `js/api.js`
/// re-exports from wasm-bindgen's copies of `js/*.js` (`export { A, B as C } from
/// "./__SNIPPET_DIR__/errors.js"`), as exported (`C`).
fn error_classes() -> Vec<String> {
    error_classes_in(&std::fs::read_to_string(API_JS).unwrap())
}

fn error_classes_in(api: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = api;
    while let Some(at) = rest.find("export {") {
        rest = &rest[at + "export {".len()..];
        let Some(close) = rest.find('}') else { break };
        let list = &rest[..close];
        rest = &rest[close..];
        if !rest[1..]
            .trim_start()
            .starts_with("from \"./__SNIPPET_DIR__/")
        {
            continue;
        }
        for item in list.split(',') {
            let name = item.split_whitespace().last().unwrap_or_default();
            if name.ends_with("Error") && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    assert!(!names.is_empty(), "js/api.js re-exports no error class");
    names
}

/// `models/errors`: the entry's error classes, as the official SDK's `models/errors` module.
fn errors_js() -> String {
    let names = error_classes().join(", ");
    format!(
        "// Generated from js/api.js by tests/operations_dts.rs.\n\
         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n\
         // `mistral-edge-client/models/errors`: the error classes, as the official SDK's `models/errors`;\n\
         // the very classes of the package's entry (\"#entry\": the same conditions as \"mistral-edge-client\").\n\n\
         export {{ {names} }} from \"#entry\";\n"
    )
}

fn errors_dts() -> String {
    let names = error_classes().join(", ");
    format!(
        "// Generated from js/api.js by tests/operations_dts.rs.\n\
         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n\
         export {{ {names} }} from \"../../index.js\";\n"
    )
}

/// The official SDK's names (in `models/components`) of types this package names otherwise:
/// (SDK name, this package's type).
const COMPONENT_ALIASES: &[(&str, &str)] = &[
    ("AgentConversation", "Conversation"),
    ("ModelConversation", "Conversation"),
    ("ConversationAppendRequest", "AppendConversationRequest"),
    (
        "ConversationAppendStreamRequest",
        "AppendConversationRequest",
    ),
    ("ConversationRestartRequest", "RestartConversationRequest"),
    (
        "ConversationRestartStreamRequest",
        "RestartConversationRequest",
    ),
    ("ConversationStreamRequest", "ConversationRequest"),
    ("ConversationInputs", "Inputs"),
    ("ConversationEvents", "ConversationStreamItem"),
    ("ConversationEventsData", "ConversationEvent"),
    ("FunctionT", "FunctionSpec"),
    ("ImageURL", "ImageUrl"),
    ("ImageURLChunk", "ImageUrlChunk"),
    ("DocumentURLChunk", "DocumentUrlChunk"),
    ("MCPTool", "McpTool"),
    ("ProcessingStatus", "DocumentStatus"),
    ("GetSignedUrlResponse", "FileSignedUrl"),
    ("CompletionArgsStop", "Stop"),
];

/// The official SDK's enum objects (`ProcessStatus.Done` is `"done"`) over this package's string
/// unions: (SDK name, this package's type). `models/components` exports them, with the values of
/// the union each names (read from the committed `.d.ts`, tests/golden/mistral_edge.d.ts).
const COMPONENT_ENUMS: &[(&str, &str)] = &[
    ("AuthDirection", "AuthDirection"),
    ("Confirmation", "Confirmation"),
    ("ConnectionConfigType", "ConnectionConfigType"),
    ("ConsumerType", "ConsumerType"),
    ("FilePurpose", "FilePurpose"),
    ("FileVisibility", "FileVisibility"),
    ("ImageDetail", "ImageDetail"),
    ("OAuth2GrantType", "OAuth2GrantType"),
    ("OutboundAuthenticationType", "OutboundAuthenticationType"),
    ("ProcessStatus", "ProcessStatus"),
    ("ReasoningEffort", "ReasoningEffort"),
    ("ResourceVisibility", "ResourceVisibility"),
    ("Role", "Role"),
    ("ResponseFormats", "ResponseFormatType"),
    ("ToolChoiceEnum", "ToolChoice"),
    ("ShareEnum", "SharingLevel"),
    ("EntityType", "ShareWithType"),
    ("Source", "FileSource"),
    ("ConversationRequestHandoffExecution", "HandoffExecution"),
    (
        "ConversationStreamRequestHandoffExecution",
        "HandoffExecution",
    ),
    (
        "ConversationAppendRequestHandoffExecution",
        "HandoffExecution",
    ),
    (
        "ConversationAppendStreamRequestHandoffExecution",
        "HandoffExecution",
    ),
    (
        "ConversationRestartRequestHandoffExecution",
        "HandoffExecution",
    ),
    (
        "ConversationRestartStreamRequestHandoffExecution",
        "HandoffExecution",
    ),
    ("FunctionCallEntryConfirmationStatus", "ConfirmationStatus"),
    ("FunctionCallEventConfirmationStatus", "ConfirmationStatus"),
];

const TYPES_DTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/mistral_edge.d.ts"
);

/// The values of this package's string union `name` (`export type Role = "user" | "assistant";`).
fn union_values(name: &str) -> Vec<String> {
    let dts = std::fs::read_to_string(TYPES_DTS).unwrap();
    let head = format!("export type {name} = ");
    let line = dts
        .lines()
        .find_map(|l| l.strip_prefix(&head))
        .unwrap_or_else(|| panic!("{TYPES_DTS} declares no type {name}"));
    let values: Vec<String> = line
        .trim_end_matches(';')
        .split(" | ")
        .map(|v| {
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{name} is not a union of strings: {line}"))
                .to_string()
        })
        .collect();
    assert!(values.iter().all(|v| !v.contains(['"', '\\'])));
    values
}

/// The SDK's key of an enum value: its words capitalised (`in_progress` → `InProgress`,
/// `fine-tune` → `FineTune`, `Viewer` → `Viewer`).
fn enum_key(value: &str) -> String {
    value
        .split(['_', '-'])
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// `models/components`: every type of the package, plus the official SDK's names for those it
/// names otherwise, and its enum objects.
fn components_dts() -> String {
    let mut out = String::from(
        "// Generated by tests/operations_dts.rs (its COMPONENT_ALIASES and COMPONENT_ENUMS).\n\
         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n\
         // `mistral-edge-client/models/components`: the request and response types, as the official\n\
         // SDK's `models/components`, with its names where this package names a type otherwise.\n\
         export type * from \"../../mistral_edge.js\";\n\
         import type * as T from \"../../mistral_edge.js\";\n"
    );
    for (sdk, ours) in COMPONENT_ALIASES {
        out.push_str(&format!(
            "\n/** The official SDK's name for `{ours}`. */\nexport type {sdk} = T.{ours};\n"
        ));
    }
    for (sdk, ours) in COMPONENT_ENUMS {
        let members: Vec<String> = union_values(ours)
            .iter()
            .map(|v| format!("readonly {}: \"{v}\"", enum_key(v)))
            .collect();
        let what = if sdk == ours { "" } else { " of this name" };
        out.push_str(&format!(
            "\n/** The values of `{ours}` by name, as the official SDK's enum object{what}. */\n\
             export declare const {sdk}: {{ {} }};\nexport type {sdk} = T.{ours};\n",
            members.join("; ")
        ));
    }
    out
}

fn components_js() -> String {
    let mut out = String::from(
        "// Generated by tests/operations_dts.rs (its COMPONENT_ENUMS).\n\
         // Do not edit: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`.\n\
         // `mistral-edge-client/models/components`: the official SDK's enum objects over this package's\n\
         // string unions; everything else there is a type (index.d.ts). The SDK's module also exports zod\n\
         // schemas and `...FromJSON` helpers, which this package has no use for: it checks requests in Rust.\n",
    );
    for (sdk, ours) in COMPONENT_ENUMS {
        let members: Vec<String> = union_values(ours)
            .iter()
            .map(|v| format!("{}: \"{v}\"", enum_key(v)))
            .collect();
        out.push_str(&format!(
            "export const {sdk} = {{ {} }};\n",
            members.join(", ")
        ));
    }
    out
}

#[test]
fn standalone_functions_are_current() {
    let mut files: Vec<(String, String)> = Vec::new();
    for (name, path, m) in funcs() {
        files.push((format!("{FUNCS_DIR}/{name}.js"), func_js(&name, path, &m)));
        files.push((
            format!("{FUNCS_DIR}/{name}.d.ts"),
            func_dts(&name, path, &m),
        ));
    }
    files.push((ERRORS_JS.into(), errors_js()));
    files.push((ERRORS_DTS.into(), errors_dts()));
    files.push((COMPONENTS_JS.into(), components_js()));
    files.push((COMPONENTS_DTS.into(), components_dts()));
    let update = std::env::var_os("UPDATE_OPERATIONS").is_some();
    if update {
        // Functions of methods that are gone go too.
        let _ = std::fs::remove_dir_all(FUNCS_DIR);
    }
    for (file, generated) in &files {
        if update {
            let dir = std::path::Path::new(file).parent().unwrap();
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(file, generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(file).unwrap_or_default();
        assert!(
            &committed == generated,
            "{file} is out of date: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`"
        );
    }
    // No function left over from a method that is gone.
    let expected: Vec<&String> = files.iter().map(|(file, _)| file).collect();
    for entry in std::fs::read_dir(FUNCS_DIR).unwrap() {
        let file = entry.unwrap().path().to_string_lossy().into_owned();
        assert!(
            expected.contains(&&file),
            "{file} is no method's function: run `UPDATE_OPERATIONS=1 cargo test --test operations_dts`"
        );
    }
}

#[test]
fn standalone_function_names() {
    assert_eq!(
        func_name("beta.libraries.documents", "librariesDocumentsUpdateV1"),
        "betaLibrariesDocumentsLibrariesDocumentsUpdateV1"
    );
    assert_eq!(func_name("files", "getSignedUrl"), "filesGetSignedUrl");
    let mut names: Vec<String> = funcs().into_iter().map(|(name, _, _)| name).collect();
    let count = names.len();
    assert_eq!(
        count,
        RESOURCES.iter().map(|r| r.methods.len()).sum::<usize>()
    );
    names.sort_unstable();
    names.dedup();
    assert_eq!(
        names.len(),
        count,
        "two methods have the same function name"
    );
}

#[test]
fn enum_keys_are_the_sdks() {
    assert_eq!(enum_key("in_progress"), "InProgress");
    assert_eq!(enum_key("fine-tune"), "FineTune");
    assert_eq!(enum_key("Viewer"), "Viewer");
    assert_eq!(enum_key("oauth2"), "Oauth2");
    assert_eq!(union_values("Role"), ["user", "assistant"]);
}

#[test]
fn the_error_list_is_read_from_api_js() {
    let names = error_classes();
    for name in ["MistralError", "NotFoundError", "StreamError"] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} is not in {names:?}"
        );
    }
    assert!(names
        .iter()
        .all(|n| n.chars().all(|c| c.is_ascii_alphanumeric())));
    let sample = "export { Mistral };\nexport { PagePromise } from \"./pages.js\";\n\
                  export {\n  MistralError, APIError as SDKError,\n} from \"./__SNIPPET_DIR__/errors.js\";\n\
                  export { EventStream } from \"./__SNIPPET_DIR__/event-stream.js\";\n\
                  export { OtherError } from \"./elsewhere.js\";\n";
    assert_eq!(error_classes_in(sample), ["MistralError", "SDKError"]);
}
