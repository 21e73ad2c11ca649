//! Signed document URLs: issued by the API, served by the emulator without a key.

use super::*;

pub(super) fn signed(state: &AppState, headers: &HeaderMap, doc_id: &str, what: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let expires = clock::unix_seconds() + SIGNED_URL_HOURS * 3600;
    let key = format!("doc:{doc_id}{what}");
    let sig = files::signature(state.signing_key, &key, expires);
    format!("http://{host}/signed/documents/{doc_id}{what}?expires={expires}&signature={sig}")
}

pub(super) async fn signed_url(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state.libraries.lock().document_mut(&lib_id, &doc_id)?;
    Ok(ok(&signed(&state, &headers, &doc_id, "")))
}

pub(super) async fn text_signed_url(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state.libraries.lock().document_mut(&lib_id, &doc_id)?;
    Ok(ok(&signed(&state, &headers, &doc_id, "/text")))
}

pub(super) fn check_signature(
    state: &AppState,
    raw: Option<&str>,
    key: &str,
) -> Result<(), ApiError> {
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

pub(super) fn bytes_response(bytes: Bytes, mime: &str, name: &str) -> Response {
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

pub(super) async fn signed_content(
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

pub(super) async fn signed_text(
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

pub(super) async fn reprocess(
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
