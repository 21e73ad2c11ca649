//! Files (`/v1/files`): upload (`uploads.rs`), details, content, signed URLs (served by the
//! emulator itself at `/signed/files/{id}` without an API key), list with filters, and delete.
//! Generated images land here too.

use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use mistral_edge::model::wire;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::json::ok;
use crate::params;
use crate::state::{AppState, FileRecord, Store};
use crate::{clock, ids, uploads};

/// The files routes; an upload may have `max_upload` bytes.
pub fn routes(max_upload: usize) -> Router<AppState> {
    Router::new()
        .route(
            "/v1/files",
            get(list)
                .post(uploads::upload)
                .layer(DefaultBodyLimit::max(max_upload)),
        )
        .route("/v1/files/{file_id}", get(get_one).delete(delete))
        .route("/v1/files/{file_id}/content", get(content))
        .route("/v1/files/{file_id}/url", get(signed_url))
        .route("/signed/files/{file_id}", get(signed_content))
}

fn record<'a>(store: &'a Store, id: &str) -> Result<&'a FileRecord, ApiError> {
    store
        .files
        .get(id)
        .ok_or_else(|| ApiError::not_found("File", id))
}

/// The signature of a file URL valid until `expires` (unix seconds).
pub fn signature(key: u64, file_id: &str, expires: i64) -> String {
    format!(
        "{:016x}",
        ids::hash64(format!("{key:x}:{file_id}:{expires}").as_bytes())
    )
}

async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    Ok(ok(&record(&store, &id)?.meta))
}

fn bytes_response(rec: &FileRecord, content_type: &str) -> Response {
    let mut response = (StatusCode::OK, rec.bytes.clone()).into_response();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", rec.meta.filename))
    {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

async fn content(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.store();
    // The SDK insists on application/octet-stream for downloads.
    Ok(bytes_response(
        record(&store, &id)?,
        "application/octet-stream",
    ))
}

async fn signed_url(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let hours = params::int(&q, "expiry", Some(24), 1, 168)?;
    record(&state.store(), &id)?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let expires = clock::unix_seconds() + hours * 3600;
    let sig = signature(state.signing_key, &id, expires);
    let url = format!("http://{host}/signed/files/{id}?expires={expires}&signature={sig}");
    Ok(ok(&wire::FileSignedUrl { url }))
}

async fn signed_content(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let expires: i64 = params::one(&q, "expires")
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let given = params::one(&q, "signature").unwrap_or("");
    let forbidden = |message: &str| ApiError {
        status: StatusCode::FORBIDDEN,
        body: json!({ "detail": message }),
        retry_after: None,
    };
    if given != signature(state.signing_key, &id, expires) {
        return Err(forbidden("Invalid signature"));
    }
    if expires < clock::unix_seconds() {
        return Err(forbidden("URL expired"));
    }
    let store = state.store();
    let rec = record(&store, &id)?;
    let mime = rec
        .meta
        .mimetype
        .clone()
        .unwrap_or_else(|| "application/octet-stream".into());
    Ok(bytes_response(rec, &mime))
}

/// A file as lists and uploads show it (`FileSchema`: no `deleted`).
pub fn listed(meta: &wire::GetFileResponse) -> Value {
    let mut v = serde_json::to_value(meta).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.remove("deleted");
    }
    v
}

/// The filters of `GET /v1/files`.
struct Filters<'a> {
    sample_types: Vec<&'a str>,
    sources: Vec<&'a str>,
    mimetypes: Vec<&'a str>,
    purpose: Option<&'a str>,
    search: Option<String>,
}

impl<'a> Filters<'a> {
    fn new(q: &'a params::Query) -> Self {
        Self {
            sample_types: params::all(q, "sample_type"),
            sources: params::all(q, "source"),
            mimetypes: params::all(q, "mimetypes"),
            purpose: params::one(q, "purpose"),
            search: params::one(q, "search").map(str::to_lowercase),
        }
    }

    fn admit(&self, m: &wire::GetFileResponse) -> bool {
        let listed = |wanted: &[&str], value: &str| wanted.is_empty() || wanted.contains(&value);
        listed(&self.sample_types, &m.sample_type)
            && listed(&self.sources, m.source.as_str())
            && listed(&self.mimetypes, m.mimetype.as_deref().unwrap_or(""))
            && self.purpose.is_none_or(|p| p == m.purpose.as_str())
            && self
                .search
                .as_deref()
                .is_none_or(|s| m.filename.to_lowercase().contains(s))
    }
}

/// `GET /v1/files`: newest first; `sample_type`, `source` and `mimetypes` repeat (any of the
/// values matches), `search` is a case-insensitive part of the name, `total` is left out with
/// `include_total=false`.
async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = params::parse_query(raw.as_deref());
    let page = params::int(&q, "page", Some(0), 0, i64::MAX)? as usize;
    let size = params::int(&q, "page_size", Some(100), 1, 10_000)? as usize;
    let include_total = params::boolean(&q, "include_total")?.unwrap_or(true);
    let filters = Filters::new(&q);
    let store = state.store();
    let mut files: Vec<&FileRecord> = store
        .files
        .values()
        .filter(|f| filters.admit(&f.meta))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.seq));
    let total = files.len();
    let data: Vec<Value> = files
        .into_iter()
        .skip(page.saturating_mul(size))
        .take(size)
        .map(|f| listed(&f.meta))
        .collect();
    let mut body = json!({ "data": data, "object": "list" });
    if include_total {
        body["total"] = json!(total);
    }
    Ok(ok(&body))
}

async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.store();
    store
        .files
        .remove(&id)
        .ok_or_else(|| ApiError::not_found("File", &id))?;
    Ok(ok(&json!({ "id": id, "object": "file", "deleted": true })))
}
