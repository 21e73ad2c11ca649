//! Text extraction and MIME types by extension.

pub(super) const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdx", "json", "jsonl", "ndjson", "csv", "tsv", "html", "htm",
    "xml", "yaml", "yml", "toml", "rst", "log", "tex", "ini", "cfg",
];

/// The MIME type of a file name's extension.
pub fn mime_for(extension: &str) -> &'static str {
    match extension {
        "txt" | "text" | "log" | "ini" | "cfg" => "text/plain",
        "md" | "markdown" | "mdx" => "text/markdown",
        "json" => "application/json",
        "jsonl" | "ndjson" => "application/x-ndjson",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "html" | "htm" => "text/html",
        "xml" => "application/xml",
        "yaml" | "yml" => "application/yaml",
        "toml" => "application/toml",
        "rst" => "text/x-rst",
        "tex" => "application/x-tex",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    }
}

pub(super) fn extension_of(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The text of an upload: the content itself for text, Markdown and JSON (and other plain
/// text formats) when it is UTF-8; otherwise a placeholder made from the file's name.
pub fn extract_text(name: &str, mime: &str, bytes: &[u8]) -> String {
    let ext = extension_of(name);
    let textual = TEXT_EXTENSIONS.contains(&ext.as_str())
        || mime.starts_with("text/")
        || mime == "application/json"
        || mime.ends_with("+json");
    if textual {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return s.to_owned();
        }
    }
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name);
    let title = stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{title}\n\n[mistral-emulator placeholder] The emulator does not extract text from {} files \
         ({mime}, {} bytes); this stands in for the text of \"{name}\".",
        if ext.is_empty() { "such".to_owned() } else { format!(".{ext}") },
        bytes.len()
    )
}

// ----- validation helpers -----
