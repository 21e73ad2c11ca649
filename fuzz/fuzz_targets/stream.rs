//! Fuzz target `stream`: see fuzz/README.md and the oracle in fuzz/src/stream.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::stream::check(data));
