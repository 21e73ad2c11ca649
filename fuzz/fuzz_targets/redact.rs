//! Fuzz target `redact`: see fuzz/README.md and the oracle in fuzz/src/redact.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mistral_edge_fuzz::redact::check(data));
