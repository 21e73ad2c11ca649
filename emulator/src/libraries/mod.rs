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

use crate::body::JsonBytes;
use crate::error::{ApiError, Loc, Violation};
use crate::hooks::{BoxFuture, LibraryHit, LibraryHost};
use crate::json::{json, no_content, ok};
use crate::params::{self, Query};
use crate::state::AppState;
use crate::validate::check_shape;
use crate::{body, clock, files, ids, loc, tokens};

mod crud;
mod documents;
mod search;
mod shares;
mod signed_urls;
mod store;
mod text;

use crud::*;
use documents::*;
pub use search::*;
use shares::*;
use signed_urls::*;
pub use store::*;
pub use text::*;

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

pub(super) fn validation(violations: Vec<Violation>) -> Result<(), ApiError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

pub(super) fn body_of<T: serde::de::DeserializeOwned + HasShape>(
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

pub(super) fn one_of(value: &Value, key: &str, allowed: &[&str], out: &mut Vec<Violation>) {
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

pub(super) fn non_empty(value: &Value, key: &str, out: &mut Vec<Violation>) {
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

pub(super) fn pagination(total: usize, page: usize, size: usize) -> wire::PaginationInfo {
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
