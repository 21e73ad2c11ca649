//! The libraries themselves: create, list (pages and tokens), get, update, delete.

use super::*;

pub(super) async fn create(
    State(state): State<AppState>,
    body: JsonBytes,
) -> Result<Response, ApiError> {
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

pub(super) fn page_token(q: &Query) -> Result<Option<usize>, ApiError> {
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

pub(super) async fn list(
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

pub(super) async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.libraries.lock();
    Ok(ok(&store.library(&id)?.view()))
}

pub(super) async fn update(
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

pub(super) async fn delete(
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
