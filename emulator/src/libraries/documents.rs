//! Documents: list, upload (multipart), get, status, update, delete, extracted text, reprocess.

use super::*;

pub(super) async fn list_documents(
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

pub(super) async fn upload(
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

pub(super) async fn get_document(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    doc.reads += 1;
    Ok(ok(&doc.view()))
}

pub(super) async fn status(
    State(state): State<AppState>,
    Path((lib_id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut store = state.libraries.lock();
    let doc = store.document_mut(&lib_id, &doc_id)?;
    doc.reads += 1;
    Ok(ok(&doc.status()))
}

pub(super) async fn update_document(
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

pub(super) async fn delete_document(
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

pub(super) async fn text_content(
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
