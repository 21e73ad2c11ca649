//! What the built-in tools return: canned web results, a tiny code interpreter, generated
//! PNGs, library passages, connector results, each as the message parts the model shows.

use std::sync::Arc;

use mistral_edge::model::leaf::JsonObject;
use mistral_edge::model::wire::{self, ContentChunk, ToolFileChunk, ToolReferenceChunk};
use serde_json::{json, Value};

use crate::hooks::LibraryHit;
use crate::ids::Ids;
use crate::model::{NewFile, Part};

/// What running a tool produced.
#[derive(Debug, Default)]
pub struct Executed {
    /// The tool execution's `info`.
    pub info: Option<JsonObject>,
    /// What the final message shows.
    pub parts: Vec<Part>,
    /// A file the tool made.
    pub file: Option<NewFile>,
}

fn text(s: impl Into<String>) -> Part {
    Part::Text(Arc::from(s.into()))
}

fn object(v: Value) -> Option<JsonObject> {
    match v {
        Value::Object(map) => Some(JsonObject(map)),
        _ => None,
    }
}

/// Percent-encodes a query-string value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `web_search` / `web_search_premium`: two canned sources for any query.
pub fn web_search(tool: &str, query: &str) -> Executed {
    let q = url_encode(query);
    let (first, second) = if tool == "web_search_premium" {
        (
            ToolReferenceChunk {
                tool: tool.to_owned(),
                title: format!("AFP: {query}"),
                url: Some(format!("https://www.afp.com/en/search/results/{q}")),
                favicon: Some("https://www.afp.com/favicon.ico".into()),
                description: Some(format!("Agence France-Presse coverage of {query}.")),
            },
            ToolReferenceChunk {
                tool: tool.to_owned(),
                title: "Example Domain".into(),
                url: Some("https://example.com/".into()),
                favicon: None,
                description: Some("This domain is for use in illustrative examples.".into()),
            },
        )
    } else {
        (
            ToolReferenceChunk {
                tool: tool.to_owned(),
                title: format!("{query} - Wikipedia"),
                url: Some(format!("https://en.wikipedia.org/w/index.php?search={q}")),
                favicon: Some("https://en.wikipedia.org/favicon.ico".into()),
                description: Some(format!("Encyclopedia results for {query}.")),
            },
            ToolReferenceChunk {
                tool: tool.to_owned(),
                title: "Example Domain".into(),
                url: Some("https://example.com/".into()),
                favicon: None,
                description: Some("This domain is for use in illustrative examples.".into()),
            },
        )
    };
    Executed {
        info: object(json!({ "query": query, "results": 2 })),
        parts: vec![
            text(format!("Here is what I found about \"{query}\":")),
            Part::Chunk(ContentChunk::ToolReference(first)),
            Part::Chunk(ContentChunk::ToolReference(second)),
            text(" Both sources are canned by the emulator."),
        ],
        file: None,
    }
}

/// The code the model writes for a request: the text's arithmetic, or its length.
pub fn code_for(request: &str) -> String {
    match crate::calc::find_expression(request) {
        Some(expr) => format!("print({expr})"),
        None => {
            let literal = Value::String(request.to_owned()).to_string();
            format!("text = {literal}\nprint(len({literal}))")
        }
    }
}

/// `code_interpreter`: runs the code and shows its output.
pub fn code_interpreter(code: &str) -> Executed {
    let output = crate::calc::run(code);
    Executed {
        info: object(json!({ "code": code, "code_output": output })),
        parts: vec![text(format!(
            "I ran the code. It printed: {}",
            output.trim_end()
        ))],
        file: None,
    }
}

/// `image_generation`: a PNG made from the prompt, served by the files endpoints.
pub fn image_generation(prompt: &str, ids: &Ids, index: usize) -> Executed {
    let id = ids.uuid();
    let name = format!("image_generated_{index}");
    let bytes = crate::png::picture_for(prompt, 64);
    Executed {
        info: object(json!({ "file_id": id })),
        parts: vec![
            text("Here is the image you asked for."),
            Part::Chunk(ContentChunk::ToolFile(ToolFileChunk {
                tool: "image_generation".into(),
                file_id: id.clone(),
                file_name: Some(name.clone()),
                file_type: Some("png".into()),
            })),
        ],
        file: Some(NewFile {
            id,
            filename: format!("{name}.png"),
            mimetype: "image/png",
            bytes,
        }),
    }
}

/// `document_library`: the passages the library search found.
pub fn document_library(query: &str, hits: &[LibraryHit]) -> Executed {
    let mut parts = Vec::new();
    if hits.is_empty() {
        parts.push(text(format!(
            "No document in your libraries mentions \"{query}\"."
        )));
    } else {
        parts.push(text(format!(
            "I found {} passage{} about \"{query}\":",
            hits.len(),
            if hits.len() == 1 { "" } else { "s" }
        )));
        for hit in hits.iter().take(5) {
            parts.push(Part::Chunk(ContentChunk::ToolReference(
                ToolReferenceChunk {
                    tool: "document_library".into(),
                    title: hit.document_name.clone(),
                    url: None,
                    favicon: None,
                    description: Some(hit.snippet.clone()),
                },
            )));
        }
        parts.push(text(format!(" {}", hits[0].snippet)));
    }
    Executed {
        info: object(json!({ "query": query, "results": hits.len() })),
        parts,
        file: None,
    }
}

/// A connector's tool result, as text.
pub fn connector_result(tool: &str, result: &wire::ConnectorToolCallResponse) -> Executed {
    let mut pieces = Vec::new();
    for content in &result.content {
        match content {
            wire::McpContent::Text(t) => pieces.push(t.text.clone()),
            other => pieces.push(serde_json::to_string(other).unwrap_or_default()),
        }
    }
    let failed = result
        .metadata
        .as_ref()
        .and_then(|m| serde_json::to_value(m).ok())
        .and_then(|m| m.pointer("/mcp_meta/isError").and_then(Value::as_bool))
        .unwrap_or(false);
    let verb = if failed { "failed" } else { "returned" };
    Executed {
        info: None,
        parts: vec![text(format!("{tool} {verb}: {}", pieces.join("\n")))],
        file: None,
    }
}
