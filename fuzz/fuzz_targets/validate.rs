//! Fuzz target `validate`: see fuzz/README.md and the oracle in fuzz/src/validate.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::validate::check(data));
