//! mistral-edge-core: the API's types and the JSON between its two spellings, for
//! [mistral-edge](../mistral_edge/index.html).
//!
//! * [`model`] — the API's types, written once and spelled twice: [`model::wire`] (snake_case,
//!   as Mistral sends it) and [`model::types`] (camelCase, with tsify declarations).
//! * [`json`] — the schema-driven transcoder between the two spellings.
//! * [`error`] — the one error type.
//! * [`swar`] — word-at-a-time byte search, shared by the transcoder and the SSE decoder.
//!
//! mistral-edge is three crates so that one wasm can hold two optimisation levels (the wasm is
//! linked without cross-crate LTO, which would re-optimise everything at one level): this one and
//! `mistral-edge` (request building and the wasm shell) are compiled for size, and
//! `mistral-edge-stream` (every loop a streamed byte goes through) for speed. A function of this
//! crate that the stream calls per event is `#[inline]`, so that it is compiled there, for speed.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod error;
pub mod json;
pub mod model;
pub mod swar;

pub use error::{ApiError, Error, StreamError, StreamErrorKind};
