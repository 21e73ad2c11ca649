//! Libraries (`/v1/libraries`), their documents and accesses: CRUD, multipart uploads whose
//! processing moves `queued` → `running` → `done`, the extracted text, signed URLs served by
//! the emulator, reprocessing and shares.
//!
//! [`Libraries`] is also the model's [`LibraryHost`]: the `document_library` tool searches the
//! text of the processed documents with simple term matching (see [`search_text`]).
//!
//! Processing, deterministically: a document is `todo` / `"queued"` when uploaded (or
//! reprocessed), `in_progress` / `"running"` from its first read (`get` or `status`), and
//! `done` / `"done"` from its second; it also moves one step every 500 ms on its own, so a
//! client that simply waits a second sees it done.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use mistral_edge::model::shape::HasShape;
use mistral_edge::model::wire;
use serde_json::{json, Value};

use crate::app::{json, no_content, ok};
use crate::body::JsonBytes;
use crate::error::{ApiError, Loc, Violation};
use crate::hooks::{BoxFuture, LibraryHit, LibraryHost};
use crate::params::{self, Query};
use crate::state::AppState;
use crate::validate::check_shape;
use crate::{body, clock, files, ids, loc, tokens};

/// The largest upload (documents, files) unless [`crate::limits::Limits`] says otherwise.
pub const MAX_UPLOAD: usize = 64 * 1024 * 1024;
/// How long a processing step takes when nobody reads the document.
pub const STEP: Duration = Duration::from_millis(500);
/// Hours a document's signed URL stays valid.
pub const SIGNED_URL_HOURS: i64 = 24;
/// The longest passage a search returns.
pub const MAX_SNIPPET: usize = 400;

/// The libraries routes; a document upload may have `max_upload` bytes.
pub fn routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route("/v1/libraries", get(list).post(create))
        .route(
            "/v1/libraries/{library_id}",
            get(get_one).patch(update).put(update).delete(delete),
        )
        .route(
            "/v1/libraries/{library_id}/documents",
            get(list_documents)
                .post(upload)
                .layer(DefaultBodyLimit::max(max_upload)),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}",
            get(get_document)
                .patch(update_document)
                .put(update_document)
                .delete(delete_document),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}/text_content",
            get(text_content),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}/status",
            get(status),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}/signed-url",
            get(signed_url),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url",
            get(text_signed_url),
        )
        .route(
            "/v1/libraries/{library_id}/documents/{document_id}/reprocess",
            post(reprocess),
        )
        .route(
            "/v1/libraries/{library_id}/share",
            get(list_shares).put(put_share).delete(delete_share),
        )
        .route("/signed/documents/{document_id}", get(signed_content))
        .route("/signed/documents/{document_id}/text", get(signed_text))
}

/// A stored document.
#[derive(Debug, Clone)]
pub struct DocumentRecord {
    /// Upload order.
    pub seq: u64,
    /// What the API shows (the processing fields are refreshed when it is shown).
    pub meta: wire::Document,
    /// The uploaded bytes.
    pub bytes: Bytes,
    /// The extracted text: the text itself for text, Markdown and JSON files, a placeholder
    /// derived from the name for the others.
    pub text: String,
    /// Reads (`get`, `status`) since the upload or the last reprocess.
    pub reads: u32,
    /// When processing (re)started, in microseconds since the epoch.
    pub since: i64,
}

impl DocumentRecord {
    /// 0 queued, 1 running, 2 done.
    pub fn step(&self) -> u32 {
        let by_time = (self.elapsed_micros() / STEP.as_micros() as i64) as u32;
        self.reads.max(by_time).min(2)
    }

    /// Microseconds since processing (re)started (0 if the clock went back).
    fn elapsed_micros(&self) -> i64 {
        (clock::now_micros() - self.since).max(0)
    }

    /// Whether processing has finished.
    pub fn done(&self) -> bool {
        self.step() >= 2
    }

    /// The document as the API shows it now.
    pub fn view(&self) -> wire::Document {
        let mut d = self.meta.clone();
        let (process, processing) = match self.step() {
            0 => ("todo", "queued"),
            1 => ("in_progress", "running"),
            _ => ("done", "done"),
        };
        d.process_status = process.into();
        d.processing_status = processing.into();
        if self.done() {
            let main = tokens::count(&self.text) as i64;
            let summary = d.summary.as_deref().map(tokens::count).unwrap_or(0) as i64;
            d.tokens_processing_main_content = Some(main);
            d.tokens_processing_summary = Some(summary);
            d.tokens_processing_total = main + summary;
            if d.last_processed_at.is_none() {
                let micros = self.since + 2 * STEP.as_micros() as i64;
                d.last_processed_at = Some(clock::rfc3339(micros.min(clock::now_micros())));
            }
        } else {
            d.summary = None;
            d.last_processed_at = None;
            d.tokens_processing_main_content = None;
            d.tokens_processing_summary = None;
            d.tokens_processing_total = 0;
        }
        d
    }

    fn status(&self) -> wire::DocumentStatus {
        let v = self.view();
        wire::DocumentStatus {
            document_id: v.id,
            process_status: v.process_status,
            processing_status: v.processing_status,
        }
    }
}

/// A stored library.
#[derive(Debug, Clone)]
pub struct LibraryRecord {
    /// Creation order.
    pub seq: u64,
    /// What the API shows (sizes and counts are refreshed when it is shown).
    pub meta: wire::Library,
    /// Documents by id.
    pub documents: HashMap<String, DocumentRecord>,
    /// Shares (not the owner's), in order.
    pub shares: Vec<wire::Sharing>,
}

impl LibraryRecord {
    /// The library as the API shows it (with `chunk_size` / `owner_id` null when unset).
    pub fn view(&self) -> Value {
        let mut l = self.meta.clone();
        l.nb_documents = self.documents.len() as i64;
        l.total_size = self.documents.values().map(|d| d.bytes.len() as i64).sum();
        l.explicit_user_members_count = Some(
            self.shares
                .iter()
                .filter(|s| s.share_with_type == "User")
                .count() as i64,
        );
        l.explicit_workspace_members_count = Some(
            self.shares
                .iter()
                .filter(|s| s.share_with_type == "Workspace")
                .count() as i64,
        );
        l.org_sharing_role = self
            .shares
            .iter()
            .find(|s| s.share_with_type == "Org")
            .map(|s| s.role.clone());
        let mut v = serde_json::to_value(&l).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut v {
            // Required but nullable in the API: present as null rather than absent.
            map.entry("chunk_size").or_insert(Value::Null);
            map.entry("owner_id").or_insert(Value::Null);
        }
        v
    }

    fn documents_in_order(&self) -> Vec<&DocumentRecord> {
        let mut docs: Vec<&DocumentRecord> = self.documents.values().collect();
        docs.sort_by_key(|d| d.seq);
        docs
    }
}

/// Every library, behind one lock. It is also the model's [`LibraryHost`].
#[derive(Debug, Default)]
pub struct Libraries {
    store: Mutex<LibraryStore>,
}

/// The libraries by id.
#[derive(Debug, Default)]
pub struct LibraryStore {
    /// By id.
    pub by_id: HashMap<String, LibraryRecord>,
    seq: u64,
}

impl LibraryStore {
    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    fn library(&self, id: &str) -> Result<&LibraryRecord, ApiError> {
        self.by_id
            .get(id)
            .ok_or_else(|| ApiError::not_found("Library", id))
    }

    fn library_mut(&mut self, id: &str) -> Result<&mut LibraryRecord, ApiError> {
        self.by_id
            .get_mut(id)
            .ok_or_else(|| ApiError::not_found("Library", id))
    }

    fn document_mut(&mut self, lib: &str, doc: &str) -> Result<&mut DocumentRecord, ApiError> {
        self.library_mut(lib)?
            .documents
            .get_mut(doc)
            .ok_or_else(|| ApiError::not_found("Document", doc))
    }

    /// A document by id, in whichever library it is.
    pub fn find_document(&self, doc: &str) -> Option<&DocumentRecord> {
        self.by_id.values().find_map(|l| l.documents.get(doc))
    }
}

impl Libraries {
    /// Locks the libraries.
    pub fn lock(&self) -> MutexGuard<'_, LibraryStore> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Searches the processed documents of `library_ids` (see [`search_text`]).
    pub fn search_now(
        &self,
        library_ids: &[String],
        query: &str,
    ) -> Result<Vec<LibraryHit>, ApiError> {
        let store = self.lock();
        let mut hits: Vec<(usize, usize, LibraryHit)> = Vec::new();
        let mut order = 0;
        for lib_id in library_ids {
            let lib = store.library(lib_id)?;
            for doc in lib.documents_in_order() {
                if !doc.done() {
                    continue;
                }
                for (score, snippet) in search_text(&doc.text, query) {
                    hits.push((
                        score,
                        order,
                        LibraryHit {
                            library_id: lib_id.clone(),
                            document_id: doc.meta.id.clone(),
                            document_name: doc.meta.name.clone(),
                            snippet,
                        },
                    ));
                    order += 1;
                }
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(hits.into_iter().map(|(_, _, h)| h).collect())
    }
}

impl LibraryHost for Libraries {
    fn search<'a>(
        &'a self,
        library_ids: &'a [String],
        query: &'a str,
    ) -> BoxFuture<'a, Result<Vec<LibraryHit>, ApiError>> {
        Box::pin(async move { self.search_now(library_ids, query) })
    }
}

// ----- search -----

/// Words a question is made of rather than what it is about (and the tool's trigger words).
const STOP_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "what",
    "which",
    "about",
    "does",
    "say",
    "says",
    "said",
    "please",
    "our",
    "your",
    "you",
    "are",
    "was",
    "were",
    "been",
    "how",
    "why",
    "when",
    "where",
    "who",
    "whom",
    "can",
    "could",
    "would",
    "should",
    "did",
    "any",
    "all",
    "there",
    "their",
    "them",
    "they",
    "these",
    "those",
    "have",
    "has",
    "had",
    "not",
    "but",
    "than",
    "then",
    "into",
    "out",
    "use",
    "using",
    "tell",
    "find",
    "look",
    "search",
    "document",
    "documents",
    "library",
    "libraries",
    "knowledge",
    "base",
    "file",
    "files",
    "uploaded",
    "according",
    "mention",
    "mentions",
    "show",
    "give",
    "get",
    "know",
    "its",
    "it's",
    "is",
    "in",
    "of",
    "to",
    "on",
    "at",
    "by",
    "an",
    "or",
    "if",
    "so",
    "do",
    "my",
    "me",
    "we",
    "us",
    "be",
    "it",
    "a",
    "i",
];

/// Lowercase words (letters and digits) of a text.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A crude stem: plural and verb endings off (`policies` → `policy`, `refunds` → `refund`).
fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if n > 5 && word.ends_with("ing") {
        word[..word.len() - 3].to_owned()
    } else if n > 4 && word.ends_with("ed") {
        word[..word.len() - 2].to_owned()
    } else if n > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// The terms of a query: its words minus stop words, at least 3 characters (or a number),
/// stemmed, without repeats.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(query) {
        let keep = !STOP_WORDS.contains(&w.as_str())
            && (w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit()));
        let s = stem(&w);
        if keep && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn term_matches(term: &str, word: &str) -> bool {
    if term == word {
        return true;
    }
    let (short, long) = if term.len() <= word.len() {
        (term, word)
    } else {
        (word, term)
    };
    short.chars().count() >= 4 && long.starts_with(short)
}

/// Splits a text into passages: paragraphs (blank-line separated), long ones cut at sentence
/// ends into pieces of about [`MAX_SNIPPET`] characters.
pub fn passages(text: &str) -> Vec<String> {
    let normalized = text.replace("\r\n", "\n");
    let mut out = Vec::new();
    for para in normalized.split("\n\n") {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if para.is_empty() {
            continue;
        }
        let mut current = String::new();
        let mut sentence = String::new();
        let mut chars = para.chars().peekable();
        while let Some(c) = chars.next() {
            sentence.push(c);
            let end = matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| *n == ' ');
            if end || chars.peek().is_none() {
                if !current.is_empty()
                    && current.chars().count() + sentence.chars().count() > MAX_SNIPPET
                {
                    out.push(std::mem::take(&mut current).trim().to_owned());
                }
                current.push_str(&sentence);
                sentence.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_owned());
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Term matching: every passage containing at least one of the query's terms, with its score
/// (10 per distinct term found, plus 1 per further occurrence, at most 9), best first.
/// A term matches a word when their stems are equal or, for stems of 4 letters or more, when
/// one starts with the other (`refund` matches `refunds`, `refundable`).
pub fn search_text(text: &str, query: &str) -> Vec<(usize, String)> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, String)> = passages(text)
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let stems: Vec<String> = words(&p).map(|w| stem(&w)).collect();
            let mut distinct = 0;
            let mut extra = 0;
            for t in &terms {
                let n = stems.iter().filter(|w| term_matches(t, w)).count();
                if n > 0 {
                    distinct += 1;
                    extra += n - 1;
                }
            }
            (distinct > 0).then(|| (distinct * 10 + extra.min(9), i, clip(&p, MAX_SNIPPET)))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(s, _, p)| (s, p)).collect()
}

// ----- text extraction -----

const TEXT_EXTENSIONS: &[&str] = &[
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

fn extension_of(name: &str) -> String {
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

fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

fn body_of<T: serde::de::DeserializeOwned + HasShape>(
    body: &Bytes,
    extra: impl FnOnce(&Value, &mut Vec<Violation>),
) -> Result<T, ApiError> {
    let value = params::body(body)?;
    let mut out = Vec::new();
    check_shape(&value, T::SHAPE, &[Loc::from("body")], &mut out);
    if value.is_object() {
        extra(&value, &mut out);
    }
    validation(out)?;
    params::typed(value)
}

fn one_of(value: &Value, key: &str, allowed: &[&str], out: &mut Vec<Violation>) {
    if let Some(v) = value.get(key).filter(|v| v.is_string()) {
        if !allowed.iter().any(|a| v == a) {
            let expected = allowed
                .iter()
                .map(|a| format!("'{a}'"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Violation::new(
                    vec![Loc::from("body"), Loc::from(key)],
                    "enum",
                    format!("Input should be {expected}"),
                )
                .input(v)
                .ctx(json!({ "expected": expected })),
            );
        }
    }
}

fn non_empty(value: &Value, key: &str, out: &mut Vec<Violation>) {
    if let Some(Value::String(s)) = value.get(key) {
        if s.trim().is_empty() {
            out.push(
                Violation::new(
                    vec![Loc::from("body"), Loc::from(key)],
                    "string_too_short",
                    "String should have at least 1 character",
                )
                .input(&json!(s))
                .ctx(json!({ "min_length": 1 })),
            );
        }
    }
}

fn pagination(total: usize, page: usize, size: usize) -> wire::PaginationInfo {
    let pages = total.div_ceil(size.max(1));
    wire::PaginationInfo {
        total_items: total as i64,
        total_pages: pages as i64,
        current_page: page as i64,
        page_size: size as i64,
        has_more: (page + 1) * size < total,
    }
}

// ----- libraries -----

async fn create(State(state): State<AppState>, body: JsonBytes) -> Result<Response, ApiError> {
    let req: wire::CreateLibraryRequest = body_of(&body, |v, out| {
        non_empty(v, "name", out);
        one_of(v, "owner_type", &["User", "Workspace"], out);
        if let Some(n) = v.get("chunk_size").and_then(Value::as_i64) {
            if !(256..=32768).contains(&n) {
                out.push(
                    Violation::new(
                        loc!["body", "chunk_size"],
                        if n < 256 {
                            "greater_than_equal"
                        } else {
                            "less_than_equal"
                        },
                        if n < 256 {
                            "Input should be greater than or equal to 256"
                        } else {
                            "Input should be less than or equal to 32768"
                        },
                    )
                    .input(&json!(n)),
                );
            }
        }
    })?;
    let now = clock::now_rfc3339();
    let owner_type = req.owner_type.clone().unwrap_or_else(|| "Workspace".into());
    let owner_id = if owner_type.as_str() == "User" {
        state.identity.user_id.clone()
    } else {
        state.identity.workspace_id.clone()
    };
    let id = state.ids.uuid();
    let rec = LibraryRecord {
        seq: 0,
        meta: wire::Library {
            id: id.clone(),
            name: req.name.clone(),
            created_at: now.clone(),
            updated_at: now,
            owner_id: Some(owner_id),
            owner_type,
            total_size: 0,
            nb_documents: 0,
            chunk_size: req.chunk_size,
            emoji: None,
            description: req.description.clone(),
            generated_description: None,
            generated_name: None,
            explicit_user_members_count: None,
            explicit_workspace_members_count: None,
            org_sharing_role: None,
        },
        documents: HashMap::new(),
        shares: Vec::new(),
    };
    let mut store = state.libraries.lock();
    let seq = store.next_seq();
    let rec = LibraryRecord { seq, ..rec };
    let view = rec.view();
    store.by_id.insert(id, rec);
    Ok(json(StatusCode::CREATED, &view))
}

fn page_token(q: &Query) -> Result<Option<usize>, ApiError> {
    match params::one(q, "page_token").filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t
            .strip_prefix("p_")
            .and_then(|n| n.parse().ok())
            .map(Some)
            .ok_or_else(|| {
                ApiError::validation(vec![Violation::value_error(
                    loc!["query", "page_token"],
                    "Invalid page token",
                    &json!(t),
                )])
            }),
    }
}

async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let size = params::int(&q, "page_size", Some(100), 1, 10_000)? as usize;
    let page = match page_token(&q)? {
        Some(p) => p,
        None => params::int(&q, "page", Some(0), 0, i64::MAX)? as usize,
    };
    let search = params::one(&q, "search").map(str::to_lowercase);
    let mine = params::boolean(&q, "filter_owned_by_me")?.unwrap_or(false);
    let store = state.libraries.lock();
    let me = &state.identity.user_id;
    let mut libs: Vec<&LibraryRecord> = store
        .by_id
        .values()
        .filter(|l| {
            search.as_ref().is_none_or(|s| {
                l.meta.name.to_lowercase().contains(s)
                    || l.meta
                        .description
                        .as_ref()
                        .is_some_and(|d| d.to_lowercase().contains(s))
            })
        })
        .filter(|l| !mine || l.meta.owner_id.as_ref() == Some(me))
        .collect();
    libs.sort_by_key(|l| std::cmp::Reverse(l.seq));
    let total = libs.len();
    let info = pagination(total, page, size);
    let data: Vec<Value> = libs
        .into_iter()
        .skip(page.saturating_mul(size))
        .take(size)
        .map(LibraryRecord::view)
        .collect();
    let mut body = json!({ "pagination": info, "data": data });
    if info.has_more {
        body["next_page_token"] = json!(format!("p_{}", page + 1));
    }
    Ok(ok(&body))
}

async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.libraries.lock();
    Ok(ok(&store.library(&id)?.view()))
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let req: wire::UpdateLibraryRequest = body_of(&body, |v, out| non_empty(v, "name", out))?;
    let mut store = state.libraries.lock();
    let lib = store.library_mut(&id)?;
    if let Some(name) = &req.name {
        lib.meta.name = name.clone();
    }
    if req.description.is_some() {
        lib.meta.description = req.description.clone();
    }
    lib.meta.updated_at = clock::now_rfc3339();
    Ok(ok(&lib.view()))
}

async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let lib = store
        .by_id
        .remove(&id)
        .ok_or_else(|| ApiError::not_found("Library", &id))?;
    Ok(ok(&lib.view()))
}

// ----- documents -----

async fn list_documents(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let size = params::int(&q, "page_size", Some(100), 1, 10_000)? as usize;
    let page = params::int(&q, "page", Some(0), 0, i64::MAX)? as usize;
    let search = params::one(&q, "search").map(str::to_lowercase);
    let filters = match params::one(&q, "filters_attributes").filter(|f| !f.trim().is_empty()) {
        None => None,
        Some(raw) => match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(map)) => Some(map),
            _ => {
                return Err(ApiError::validation(vec![Violation::value_error(
                    loc!["query", "filters_attributes"],
                    "`filters_attributes` must be a JSON object of attribute values",
                    &json!(raw),
                )]))
            }
        },
    };
    let sort_by = params::one(&q, "sort_by").unwrap_or("created_at");
    let descending = match params::one(&q, "sort_order").unwrap_or("desc") {
        "desc" => true,
        "asc" => false,
        other => {
            return Err(ApiError::validation(vec![Violation::new(
                loc!["query", "sort_order"],
                "literal_error",
                "Input should be 'asc' or 'desc'",
            )
            .input(&json!(other))]))
        }
    };
    let store = state.libraries.lock();
    let lib = store.library(&lib_id)?;
    let mut docs: Vec<&DocumentRecord> = lib
        .documents
        .values()
        .filter(|d| {
            search
                .as_ref()
                .is_none_or(|s| d.meta.name.to_lowercase().contains(s))
        })
        .filter(|d| {
            filters.as_ref().is_none_or(|f| {
                params::metadata_matches(d.meta.attributes.as_ref().map(|a| &a.0), f)
            })
        })
        .collect();
    docs.sort_by(|a, b| {
        let order = match sort_by {
            "name" => a.meta.name.cmp(&b.meta.name),
            "size" => a.bytes.len().cmp(&b.bytes.len()),
            _ => a.seq.cmp(&b.seq),
        }
        .then(a.seq.cmp(&b.seq));
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    let total = docs.len();
    let data: Vec<wire::Document> = docs
        .into_iter()
        .skip(page.saturating_mul(size))
        .take(size)
        .map(DocumentRecord::view)
        .collect();
    Ok(ok(&wire::ListDocumentsResponse {
        pagination: pagination(total, page, size),
        data,
    }))
}

async fn upload(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    state.libraries.lock().library(&lib_id)?;
    let mut file: Option<(String, Option<String>, Bytes)> = None;
    // A body that is not multipart has no parts (FastAPI): `file` is then missing.
    if let Ok(mut multipart) = multipart {
        while let Some(field) = multipart.next_field().await.map_err(body::part_error)? {
            if field.name() != Some("file") {
                continue;
            }
            let name = field.file_name().unwrap_or("upload").to_owned();
            let mime = field.content_type().map(str::to_owned);
            let bytes = field.bytes().await.map_err(body::part_error)?;
            file = Some((name, mime, bytes));
        }
    }
    let Some((name, mime, bytes)) = file else {
        return Err(ApiError::validation(vec![Violation::missing(
            loc!["body", "file"],
            &Value::Null,
        )]));
    };
    let extension = extension_of(&name);
    let mime = match mime {
        Some(m) if !m.is_empty() && m != "application/octet-stream" => m,
        _ => mime_for(&extension).to_owned(),
    };
    let text = extract_text(&name, &mime, &bytes);
    let summary = passages(&text).first().map(|p| clip(p, 200));
    let now = clock::now_rfc3339();
    let id = state.ids.uuid();
    let meta = wire::Document {
        id: id.clone(),
        library_id: lib_id.clone(),
        name: name.clone(),
        hash: Some(format!(
            "{:016x}{:016x}",
            ids::hash64(&bytes),
            ids::hash64(name.as_bytes())
        )),
        mime_type: Some(mime),
        extension: Some(extension),
        size: Some(bytes.len() as i64),
        summary,
        created_at: now.clone(),
        last_processed_at: None,
        number_of_pages: Some(text.split('\x0c').count() as i64),
        process_status: "todo".into(),
        processing_status: "queued".into(),
        uploaded_by_id: Some(state.identity.user_id.clone()),
        uploaded_by_type: "User".into(),
        tokens_processing_main_content: None,
        tokens_processing_summary: None,
        tokens_processing_total: 0,
        url: None,
        attributes: None,
        expires_at: None,
    };
    let mut store = state.libraries.lock();
    let seq = store.next_seq();
    let lib = store.library_mut(&lib_id)?;
    let rec = DocumentRecord {
        seq,
        meta,
        bytes,
        text,
        reads: 0,
        since: clock::now_micros(),
    };
    let view = rec.view();
    lib.documents.insert(id, rec);
    lib.meta.updated_at = now;
    Ok(json(StatusCode::CREATED, &view))
}

async fn get_document(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    doc.reads += 1;
    Ok(ok(&doc.view()))
}

async fn status(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    doc.reads += 1;
    Ok(ok(&doc.status()))
}

async fn update_document(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let req: wire::UpdateDocumentRequest = body_of(&body, |v, out| {
        non_empty(v, "name", out);
        if let Some(Value::Object(attrs)) = v.get("attributes") {
            for (k, a) in attrs {
                let scalar = |x: &Value| x.is_string() || x.is_number() || x.is_boolean();
                let fine = scalar(a) || a.as_array().is_some_and(|items| items.iter().all(scalar));
                if !fine {
                    out.push(
                        Violation::new(
                            loc!["body", "attributes", k.as_str()],
                            "union_type",
                            "Input should be a boolean, string, integer, number, datetime or a list of them",
                        )
                        .input(a),
                    );
                }
            }
        }
    })?;
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    if let Some(name) = &req.name {
        doc.meta.name = name.clone();
    }
    if req.attributes.is_some() {
        doc.meta.attributes = req.attributes.clone();
    }
    if req.expires_at.is_some() {
        doc.meta.expires_at = req.expires_at.clone();
    }
    Ok(ok(&doc.view()))
}

async fn delete_document(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let lib = store.library_mut(&lib_id)?;
    lib.documents
        .remove(&doc_id)
        .ok_or_else(|| ApiError::not_found("Document", &doc_id))?;
    lib.meta.updated_at = clock::now_rfc3339();
    Ok(no_content())
}

async fn text_content(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let start = params::int(&q, "page_start", Some(0), 0, i64::MAX)? as usize;
    let end = params::one(&q, "page_end")
        .map(|_| params::int(&q, "page_end", None, 0, i64::MAX))
        .transpose()?
        .map(|n| n as usize);
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    // Pages are separated by form feeds; `page_start` (from 0) to `page_end` (excluded).
    let text = if start == 0 && end.is_none() {
        doc.text.clone()
    } else {
        doc.text
            .split('\x0c')
            .skip(start)
            .take(end.map(|e| e.saturating_sub(start)).unwrap_or(usize::MAX))
            .collect::<Vec<_>>()
            .join("\x0c")
    };
    Ok(ok(&wire::DocumentTextContent { text }))
}

fn signed(state: &AppState, headers: &HeaderMap, doc_id: &str, what: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let expires = clock::unix_seconds() + SIGNED_URL_HOURS * 3600;
    let key = format!("doc:{doc_id}{what}");
    let sig = files::signature(state.signing_key, &key, expires);
    format!("http://{host}/signed/documents/{doc_id}{what}?expires={expires}&signature={sig}")
}

async fn signed_url(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state.libraries.lock().document_mut(&lib_id, &doc_id)?;
    Ok(ok(&signed(&state, &headers, &doc_id, "")))
}

async fn text_signed_url(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state.libraries.lock().document_mut(&lib_id, &doc_id)?;
    Ok(ok(&signed(&state, &headers, &doc_id, "/text")))
}

fn check_signature(state: &AppState, raw: Option<&str>, key: &str) -> Result<(), ApiError> {
    let q = params::parse_query(raw);
    let expires: i64 = params::one(&q, "expires")
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let forbidden = |message: &str| ApiError {
        status: StatusCode::FORBIDDEN,
        body: json!({ "detail": message }),
        retry_after: None,
    };
    if params::one(&q, "signature")
        != Some(files::signature(state.signing_key, key, expires).as_str())
    {
        return Err(forbidden("Invalid signature"));
    }
    if expires < clock::unix_seconds() {
        return Err(forbidden("URL expired"));
    }
    Ok(())
}

fn bytes_response(bytes: Bytes, mime: &str, name: &str) -> Response {
    let mut r = (StatusCode::OK, bytes).into_response();
    if let Ok(v) = HeaderValue::from_str(mime) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{}\"", name.replace('"', "")))
    {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

async fn signed_content(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    check_signature(&state, raw.as_deref(), &format!("doc:{doc_id}"))?;
    let store = state.libraries.lock();
    let doc = store
        .find_document(&doc_id)
        .ok_or_else(|| ApiError::not_found("Document", &doc_id))?;
    let mime = doc
        .meta
        .mime_type
        .clone()
        .unwrap_or_else(|| "application/octet-stream".into());
    Ok(bytes_response(doc.bytes.clone(), &mime, &doc.meta.name))
}

async fn signed_text(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    check_signature(&state, raw.as_deref(), &format!("doc:{doc_id}/text"))?;
    let store = state.libraries.lock();
    let doc = store
        .find_document(&doc_id)
        .ok_or_else(|| ApiError::not_found("Document", &doc_id))?;
    Ok(bytes_response(
        Bytes::from(doc.text.clone()),
        "text/plain; charset=utf-8",
        &format!("{}.txt", doc.meta.name),
    ))
}

async fn reprocess(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    doc.reads = 0;
    doc.since = clock::now_micros();
    doc.meta.last_processed_at = None;
    Ok(no_content())
}

// ----- accesses -----

fn owner_share(state: &AppState, lib: &LibraryRecord) -> wire::Sharing {
    let user = &state.identity.user_id;
    wire::Sharing {
        library_id: lib.meta.id.clone(),
        user_id: Some(user.clone()),
        org_id: state.identity.org_id.clone(),
        role: "Owner".into(),
        share_with_type: if lib.meta.owner_type.as_str() == "User" {
            "User".into()
        } else {
            "Workspace".into()
        },
        share_with_uuid: lib.meta.owner_id.clone(),
    }
}

async fn list_shares(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.libraries.lock();
    let lib = store.library(&lib_id)?;
    let mut data = vec![owner_share(&state, lib)];
    data.extend(lib.shares.iter().cloned());
    Ok(ok(&wire::ListSharingResponse { data }))
}

const SHARE_TYPES: &[&str] = &["User", "Workspace", "Org"];

async fn put_share(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let req: wire::SharingRequest = body_of(&body, |v, out| {
        one_of(v, "level", &["Viewer", "Editor"], out);
        one_of(v, "share_with_type", SHARE_TYPES, out);
    })?;
    let mut store = state.libraries.lock();
    let lib = store.library_mut(&lib_id)?;
    let share = wire::Sharing {
        library_id: lib_id.clone(),
        user_id: (req.share_with_type.as_str() == "User").then(|| req.share_with_uuid.clone()),
        org_id: req
            .org_id
            .clone()
            .unwrap_or_else(|| state.identity.org_id.clone()),
        role: req.level.as_str().to_owned(),
        share_with_type: req.share_with_type.as_str().to_owned(),
        share_with_uuid: Some(req.share_with_uuid.clone()),
    };
    match lib.shares.iter_mut().find(|s| {
        s.share_with_type == share.share_with_type && s.share_with_uuid == share.share_with_uuid
    }) {
        Some(existing) => *existing = share.clone(),
        None => lib.shares.push(share.clone()),
    }
    lib.meta.updated_at = clock::now_rfc3339();
    Ok(ok(&share))
}

async fn delete_share(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let req: wire::SharingDelete = body_of(&body, |v, out| {
        one_of(v, "share_with_type", SHARE_TYPES, out);
    })?;
    let mut store = state.libraries.lock();
    let lib = store.library_mut(&lib_id)?;
    let at = lib
        .shares
        .iter()
        .position(|s| {
            s.share_with_type == req.share_with_type.as_str()
                && s.share_with_uuid.as_deref() == Some(req.share_with_uuid.as_str())
        })
        .ok_or_else(|| ApiError::not_found("Share", &req.share_with_uuid))?;
    let removed = lib.shares.remove(at);
    lib.meta.updated_at = clock::now_rfc3339();
    Ok(ok(&removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_question_words_and_stem() {
        assert_eq!(
            query_terms("Search my documents: what is the refund policy?"),
            vec!["refund", "policy"]
        );
        assert_eq!(query_terms("policies of 2024"), vec!["policy", "2024"]);
    }

    #[test]
    fn passages_split_paragraphs_and_long_runs() {
        let text = "First para. Still first.\n\nSecond one!\r\n\r\n\n";
        assert_eq!(
            passages(text),
            vec!["First para. Still first.", "Second one!"]
        );
        let long = "A sentence of some length here. ".repeat(40);
        let parts = passages(&long);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_SNIPPET));
    }

    #[test]
    fn search_ranks_by_distinct_terms() {
        let text = "Shipping takes three days.\n\nRefunds are paid within 14 days under our refund policy.\n\nThe policy on returns is lenient.";
        let hits = search_text(text, "knowledge base: refund policy?");
        assert_eq!(hits.len(), 2);
        assert!(hits[0].1.starts_with("Refunds are paid"));
        assert!(hits[1].1.starts_with("The policy on returns"));
        assert!(search_text(text, "what does the document say").is_empty());
    }

    #[test]
    fn text_of_uploads() {
        assert_eq!(extract_text("a.md", "text/markdown", b"# Hi"), "# Hi");
        assert_eq!(
            extract_text("a.json", "application/octet-stream", b"{}"),
            "{}"
        );
        let p = extract_text("Quarterly-Report.pdf", "application/pdf", b"%PDF-1.4");
        assert!(p.starts_with("Quarterly Report\n\n[mistral-emulator placeholder]"));
        assert!(p.contains(".pdf files"));
    }
}
