//! The router: every route, the shared headers (`x-request-id`, CORS), authentication and
//! fault injection, and the JSON 404 for unknown paths. The handlers' response helpers are in
//! `json.rs`: this module imports the domain modules for the router, and none imports it.

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::error::ApiError;
use crate::state::AppState;
use crate::{agents, auth, connectors, conversations, faults, files, libraries, limits, observe};

/// The whole API over `state`.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .merge(conversations::routes())
        .merge(agents::routes())
        .merge(files::routes(state.limits.upload_bytes))
        .merge(connectors::routes())
        .merge(libraries::routes(state.limits.upload_bytes))
        .merge(observe::routes())
        .fallback(|| async { ApiError::no_route() })
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .layer(DefaultBodyLimit::max(state.limits.json_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), faults::layer));
    // The benchmark's streams come from the binary only (bench/emulator.mjs), not the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    let api = api.layer(middleware::from_fn_with_state(
        state.clone(),
        crate::bench::layer,
    ));
    api.layer(middleware::from_fn(auth::layer))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            common_headers,
        ))
        .with_state(state)
}

/// The response headers a page may read (`*` alone covers them too, except in credentialed
/// requests and in older browsers).
const EXPOSED: &str = "x-request-id, retry-after, x-emulator-cut, *";

/// Middleware: gives each request its id and its body a deadline, records it (`/__emulator/requests`), answers CORS
/// preflights, counts how event streams end (`/__emulator/stats`), and stamps `x-request-id`
/// and CORS headers on every response, so browsers can call the emulator and read its errors.
async fn common_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let id = state.ids.next("req");
    let (request, deadline) = limits::give_deadline(request, state.limits.body);
    let request = if observe::is_own(request.uri().path()) {
        request
    } else {
        state.observer.record(&id, request).await
    };
    let mut response = if request.method() == Method::OPTIONS {
        let mut r = StatusCode::NO_CONTENT.into_response();
        // The Fetch standard never lets `*` cover `Authorization`: allow what the page asks for.
        let asked = request
            .headers()
            .get("access-control-request-headers")
            .filter(|v| !v.is_empty())
            .cloned()
            .unwrap_or(HeaderValue::from_static("*"));
        let h = r.headers_mut();
        h.insert("access-control-allow-headers", asked);
        h.insert(
            "access-control-allow-methods",
            HeaderValue::from_static("GET,POST,PATCH,PUT,DELETE,OPTIONS"),
        );
        h.insert("access-control-max-age", HeaderValue::from_static("600"));
        r
    } else {
        deadline.verdict(next.run(request).await)
    };
    let is_stream = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
    if is_stream {
        let (parts, body) = response.into_parts();
        response = Response::from_parts(parts, state.observer.watch_stream(body));
    }
    let h = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", id);
    }
    h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    h.insert(
        "access-control-expose-headers",
        HeaderValue::from_static(EXPOSED),
    );
    response
}
