//! Bytes from JavaScript copied into wasm memory through a fallible reservation. A `&[u8]`
//! argument is copied by wasm-bindgen's glue into memory it allocates infallibly: a chunk or a
//! body too large for the memory left would trap. Here the room is reserved first, and running
//! out of it is an error the caller turns into a typed one.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Uint8Array.prototype.set.call(to, from)`: `to` is a view of wasm memory.
    #[wasm_bindgen(js_namespace = Uint8Array, js_name = "prototype.set.call")]
    fn copy_into(to: &mut [u8], from: &Uint8Array);
}

/// Replaces the contents of `into` with `bytes`, reserving the room for them first; when there
/// is no memory left for them, gives back what `into` held and returns their length.
pub(super) fn copy_in(bytes: &Uint8Array, into: &mut Vec<u8>) -> Result<(), usize> {
    let len = bytes.length() as usize;
    into.clear();
    if into.try_reserve(len).is_err() {
        *into = Vec::new();
        return Err(len);
    }
    into.resize(len, 0);
    copy_into(into, bytes);
    Ok(())
}
