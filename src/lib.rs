//! mistral-edge: a client for Mistral's beta Agents, Conversations and Connectors APIs,
//! compiled to WebAssembly for every JavaScript runtime.
//!
//! The crate is a pure core that builds and tests natively, and a thin wasm shell:
//!
//! * [`model`] — the API's types, written once and spelled twice: [`model::wire`] (snake_case,
//!   as Mistral sends it) and [`model::types`] (camelCase, with tsify declarations).
//! * [`json`] — the schema-driven transcoder between the two spellings.
//! * [`sse`] — a sans-IO, WHATWG-complete `text/event-stream` decoder.
//! * [`stream`] — conversation streams: framing, transcoding, and folding deltas into a response.
//! * [`request`] — building HTTP requests from operation arguments, with validation.
//! * [`run`] — the run loop's decisions (open calls, next input, when to stop, usage sums).
//! * [`error`] — the one error type.
//! * `bindings` (wasm only) — the JavaScript face: fetch, the `Mistral` class, error classes.
#![deny(missing_docs)]
// Every `unsafe` block (all of them in src/heap.rs) says why it is sound.
#![deny(clippy::undocumented_unsafe_blocks)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod error;
pub mod json;
pub mod model;
pub mod request;
pub mod run;
pub mod sse;
pub mod stream;
mod swar;

// The wasm build's allocator (tested natively). Its `unsafe impl Sync` assumes one thread: a build
// with shared memory and threads would break that silently, so it does not build at all.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("the wasm allocator (src/heap.rs) is single-threaded: build without the `atomics` target feature");
#[cfg(any(all(target_arch = "wasm32", feature = "bindings"), test))]
mod heap;

#[cfg(all(target_arch = "wasm32", feature = "bindings"))]
mod bindings;

pub use error::{ApiError, Error, StreamError, StreamErrorKind};
