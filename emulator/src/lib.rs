//! A local emulator of Mistral's beta Agents / Conversations API: stateful, streaming, with a
//! deterministic scripted model and per-request fault injection. See `emulator/README.md`.
//!
//! The crate is a core (the [`router`]: state, the API's rules, the scripted model, the event
//! stream writer, faults) that knows no socket, driven as a `tower::Service`, and two shells: the
//! binary (`server.rs` and `main.rs`: hyper on tokio sockets, native only) and the wasm module
//! (`emulator/wasm`, for JavaScript). What the core needs from its platform goes through two
//! seams: [`timer`] (tokio's timer, or `setTimeout`) and [`outbound`] (reqwest, or `fetch`).
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let url = format!("http://{}", listener.local_addr()?);
//! tokio::spawn(mistral_emulator::serve(listener));
//! # Ok(()) }
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod agents;
pub mod app;
pub mod auth;
#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
pub mod body;
pub mod builtins;
pub mod calc;
pub mod clock;
pub mod connectors;
pub mod conversations;
pub mod counters;
pub mod error;
pub mod faults;
pub mod files;
pub mod fill;
pub mod hooks;
pub mod ids;
pub mod json;
pub mod libraries;
pub mod limits;
pub mod mcp;
pub mod model;
pub mod observe;
pub mod outbound;
pub mod params;
pub mod png;
pub mod script;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod sse;
pub mod state;
pub mod timer;
pub mod tokens;
pub mod uploads;
pub mod validate;

pub use hooks::Hooks;
pub use state::AppState;

/// The API, with fresh state (its connectors speak MCP, its libraries are searchable).
pub fn router() -> axum::Router {
    app::router(AppState::default())
}

/// Serves the API on `listener` until the process ends.
#[cfg(not(target_arch = "wasm32"))]
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_with_shutdown(listener, AppState::default(), std::future::pending()).await
}

/// Serves the API with `state` until `shutdown` resolves; the open connections then finish
/// (a caller that cannot wait for long streams stops waiting, as `main.rs` does).
#[cfg(not(target_arch = "wasm32"))]
pub async fn serve_with_shutdown(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let head_timeout = state.limits.head;
    server::run(listener, app::router(state), head_timeout, shutdown).await
}
