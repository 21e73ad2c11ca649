//! A library's accesses: the owner's, list, share (put), unshare (delete).

use super::*;

pub(super) fn owner_share(state: &AppState, lib: &LibraryRecord) -> wire::Sharing {
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

pub(super) async fn list_shares(
    State(state): State<AppState>,
    Path(lib_id): Path<String>,
) -> Result<Response, ApiError> {
    let store = state.libraries.lock();
    let lib = store.library(&lib_id)?;
    let mut data = vec![owner_share(&state, lib)];
    data.extend(lib.shares.iter().cloned());
    Ok(ok(&wire::ListSharingResponse { data }))
}

pub(super) const SHARE_TYPES: &[&str] = &["User", "Workspace", "Org"];

pub(super) async fn put_share(
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

pub(super) async fn delete_share(
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
