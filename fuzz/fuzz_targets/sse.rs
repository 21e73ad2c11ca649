//! Fuzz target `sse`: see fuzz/README.md and the oracle in fuzz/src/sse.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::sse::check(data));
