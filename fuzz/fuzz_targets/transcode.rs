//! Fuzz target `transcode`: see fuzz/README.md and the oracle in fuzz/src/transcode.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::transcode::check(data));
