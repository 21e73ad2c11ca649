//! The seeded slice of the fuzz targets (fuzz/README.md): every oracle of `fuzz/src/` on a few
//! hundred pseudo-random inputs per target, plus the committed seeds in `fuzz/seeds/`, so
//! that `cargo test` keeps them compiling and passing. The campaigns themselves (`make fuzz`)
//! run millions of inputs per target.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code, clippy::all)]
mod fuzz;

use std::path::Path;

/// A small deterministic generator of inputs (an LCG), seeded per target.
fn inputs(seed: u64, count: usize) -> Vec<Vec<u8>> {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    (0..count)
        .map(|_| {
            let len = (next() % 400) as usize;
            (0..len).map(|_| next() as u8).collect()
        })
        .collect()
}

/// Runs `check` on the committed corpus of `target` and on `count` seeded inputs.
fn slice(target: &str, seed: u64, count: usize, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut corpus = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("corpus file");
            check(&bytes);
            corpus += 1;
        }
    }
    for input in inputs(seed, count) {
        check(&input);
    }
    eprintln!("{target}: {corpus} corpus inputs and {count} seeded ones");
}

#[test]
fn sse_slice() {
    slice("sse", 1, 2000, fuzz::sse::check);
}

#[test]
fn json_slice() {
    slice("json", 2, 2000, fuzz::json::check);
}

#[test]
fn transcode_slice() {
    slice("transcode", 3, 600, fuzz::transcode::check);
}

#[test]
fn stream_slice() {
    slice("stream", 4, 600, fuzz::stream::check);
}

#[test]
fn validate_slice() {
    slice("validate", 5, 600, fuzz::validate::check);
}

#[test]
fn redact_slice() {
    // Every spelling: as sent, JSON escapes, `\/`, `\uXXXX`, percent-encoding, nested, Latin-1.
    slice("redact", 6, 600, fuzz::redact::check);
}
