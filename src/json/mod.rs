//! JSON text handling: the schema-driven transcoder between the wire and JavaScript spellings,
//! and a small lazy reader of values for the few places that look inside JSON.

pub mod date;
pub mod text;
pub mod transcode;
pub mod value;

pub use transcode::{
    kind_mismatch, to_js, to_js_ascii, to_js_checked, to_js_dated, to_js_members, to_wire,
    value_to_js_ascii, Member, TranscodeError, TranscodeErrorKind,
};
pub use value::{Kind, Value};

/// Makes room in `out` for the JavaScript spelling of the JSON `input`, so that transcoding it
/// needs no allocation that could fail unseen: the transcoders write ASCII and escape every
/// other character (`\uXXXX`: 6 bytes for 2 or 3 bytes of UTF-8, 12 for 4), so the output takes
/// at most three bytes per byte of input, and no more than the input when it is ASCII (keys only
/// get shorter, dates become numbers), but for a few bytes of wrapping.
///
/// # Errors
///
/// When memory runs out.
pub fn reserve_js(
    out: &mut Vec<u8>,
    input: &[u8],
) -> Result<(), std::collections::TryReserveError> {
    let per_byte = if crate::swar::is_ascii(input) { 1 } else { 3 };
    out.try_reserve(input.len().saturating_mul(per_byte).saturating_add(64))
}
