//! Target `transcode`: wire → JS → wire, byte for byte, over wire documents the shape tables
//! generate (src/shapes.rs); the ASCII transcoding reads as the same value; arbitrary bytes
//! never panic either transcoder.

use mistral_edge::json::{to_js, to_js_ascii, to_wire, TranscodeErrorKind};
use serde_json::Value as Serde;

use super::input::Input;
use super::shapes::{top_level, value};

/// Checks one case; panics when a round trip is not exact.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (name, shape) = input.pick(top_level());
    if input.one_in(16) {
        // Arbitrary bytes: an error or output, never a panic.
        let bytes = input.rest();
        let mut out = Vec::new();
        let _ = to_js(bytes, shape, &mut out);
        out.clear();
        let _ = to_wire(bytes, shape, &[], &mut out);
        return;
    }
    let mut wire = String::new();
    value(&mut input, shape, 0, &mut wire);

    let mut js = Vec::new();
    to_js(wire.as_bytes(), shape, &mut js)
        .unwrap_or_else(|e| panic!("{name}: to_js({wire}) failed: {e}"));
    let mut back = Vec::new();
    if let Err(e) = to_wire(&js, shape, &[], &mut back) {
        // A caller's number the API refuses (an integer past 2^53 - 1, a number outside its
        // documented range) is refused on the way to the wire: there the round trip ends.
        assert!(
            refused_number(&e.kind),
            "{name}: to_wire({}) failed: {e}",
            String::from_utf8_lossy(&js)
        );
        return;
    }
    assert_eq!(
        String::from_utf8_lossy(&back),
        wire,
        "{name}: to_wire(to_js(x)) != x, via {}",
        String::from_utf8_lossy(&js)
    );

    let mut ascii = Vec::new();
    to_js_ascii(wire.as_bytes(), shape, &mut ascii)
        .unwrap_or_else(|e| panic!("{name}: to_js_ascii({wire}) failed: {e}"));
    assert!(ascii.is_ascii(), "{name}: to_js_ascii({wire}) is not ASCII");
    // serde_json rejects lone surrogate escapes, which the generator makes on purpose.
    if let Ok(expected) = serde_json::from_slice::<Serde>(&js) {
        let got: Serde = serde_json::from_slice(&ascii).expect("ASCII JS is JSON");
        assert_eq!(
            got, expected,
            "{name}: to_js_ascii and to_js differ on {wire}"
        );
        let mut back = Vec::new();
        to_wire(&ascii, shape, &[], &mut back).expect("ASCII JS goes back to the wire");
        let back: Serde = serde_json::from_slice(&back).expect("wire is JSON");
        let wire: Serde = serde_json::from_str(&wire).expect("wire is JSON");
        assert_eq!(back, wire, "{name}: ASCII round trip");
    }
}

/// Whether `kind` is a refusal of a caller's number that the API documents as invalid.
fn refused_number(kind: &TranscodeErrorKind) -> bool {
    matches!(
        kind,
        TranscodeErrorKind::Range { .. }
            | TranscodeErrorKind::Type {
                found: "one past 2^53 - 1",
                ..
            }
    )
}
