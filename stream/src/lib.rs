//! mistral-edge-stream: the hot half of [mistral-edge](../mistral_edge/index.html), compiled for
//! speed (see `mistral-edge-core` for why the crates are split).
//!
//! * [`sse`] — a sans-IO, WHATWG-complete `text/event-stream` decoder.
//! * [`stream`] — conversation streams: framing, transcoding, and folding deltas into a response.
//! * the wasm build's global allocator, since every streamed event allocates.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod sse;
pub mod stream;

// The wasm build's allocator (tested natively).
#[cfg(any(target_arch = "wasm32", test))]
mod heap;

use mistral_edge_core::{error, json, model, swar};
