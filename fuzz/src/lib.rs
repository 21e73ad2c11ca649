//! The oracles of mistral-edge's fuzz targets, one module per target. Each `check(data)` turns
//! arbitrary bytes into a test case (raw, or driving a structure-aware generator), runs the
//! crate on it and panics when an oracle fails. The libFuzzer targets in `fuzz_targets/` call
//! them; `tests/fuzz_slice.rs` runs them on a seeded slice of inputs under `cargo test`.

pub mod input;
pub mod json;
pub mod redact;
pub mod shapes;
pub mod sse;
pub mod stream;
pub mod transcode;
pub mod validate;
