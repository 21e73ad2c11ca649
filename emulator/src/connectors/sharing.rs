//! Sharing (workspace, organization) and activation per scope.

use super::*;

// ----- sharing and activation -----

pub(super) async fn sharing(
    state: AppState,
    id: String,
    org: bool,
    on: bool,
) -> Result<Response, ApiError> {
    let mut store = state.connectors.lock();
    let rec = by_id(&mut store, &id)?;
    if org {
        rec.shared_org = on;
    } else {
        rec.shared_workspace = on;
        if !on {
            rec.shared_org = false;
        }
    }
    rec.details.modified_at = clock::now_rfc3339();
    let whom = if org {
        "the organization"
    } else {
        "the workspace"
    };
    Ok(message(if on {
        format!("Connector {id} shared with {whom}")
    } else {
        format!("Connector {id} no longer shared with {whom}")
    }))
}

pub(super) async fn share(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, false, true).await
}

pub(super) async fn unshare(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, false, false).await
}

pub(super) async fn share_org(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, true, true).await
}

pub(super) async fn unshare_org(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    sharing(state, id, true, false).await
}

pub(super) async fn activation(
    state: AppState,
    id: String,
    raw_scope: String,
    on: bool,
) -> Result<Response, ApiError> {
    let scope = scope(&raw_scope)?;
    let mut store = state.connectors.lock();
    let rec = by_id(&mut store, &id)?;
    if on {
        rec.blocked_by.remove(scope);
    } else {
        rec.blocked_by.insert(scope.to_owned());
    }
    rec.details.modified_at = clock::now_rfc3339();
    Ok(message(format!(
        "Connector {id} {} for {}",
        if on { "activated" } else { "deactivated" },
        scope_words(scope)
    )))
}

pub(super) async fn activate(
    State(state): State<AppState>,
    Path((id, raw_scope)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    activation(state, id, raw_scope, true).await
}

pub(super) async fn deactivate(
    State(state): State<AppState>,
    Path((id, raw_scope)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    activation(state, id, raw_scope, false).await
}
