//! Fuzz target `json`: see fuzz/README.md and the oracle in fuzz/src/json.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::json::check(data));
