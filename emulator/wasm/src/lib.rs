//! The emulator's wasm shell: JavaScript hands it a request as plain parts (method, URL, headers,
//! body bytes), it drives the core's `axum::Router` as a `tower::Service` (no server, no socket)
//! and hands back the status, the headers and a reader that pulls the body frame by frame, which
//! `js/emulator/` turns into a `Response` with a `ReadableStream` body. Everything but the
//! `#[wasm_bindgen]` face is plain Rust, tested natively.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod exchange;

#[cfg(target_arch = "wasm32")]
mod bindings;
