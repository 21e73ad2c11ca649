//! Bytes from JavaScript copied into wasm memory through a fallible reservation. A `&[u8]`
//! argument is copied by wasm-bindgen's glue into memory it allocates infallibly: a chunk or a
//! body too large for the memory left would trap. Here the room is reserved first, and running
//! out of it is an error the caller turns into a typed one.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `Uint8Array.prototype.set.call(to, from)`: `to` is a view of wasm memory.
    #[wasm_bindgen(js_namespace = Uint8Array, js_name = "prototype.set.call")]
    fn copy_into(to: &mut [u8], from: &Uint8Array);
}

/// Why bytes were not copied.
pub(super) enum Refused {
    /// The value is not a `Uint8Array` (a string, an array, an `ArrayBuffer`, ...).
    NotBytes,
    /// There was no memory left for this many bytes.
    OutOfMemory(usize),
}

/// Replaces the contents of `into` with the bytes of `value`, a `Uint8Array` (a Node `Buffer`
/// is one), reserving the room for them first.
pub(super) fn copy_in(value: &JsValue, into: &mut Vec<u8>) -> Result<(), Refused> {
    let bytes = value.dyn_ref::<Uint8Array>().ok_or(Refused::NotBytes)?;
    let len = bytes.length() as usize;
    into.clear();
    into.try_reserve(len)
        .map_err(|_| Refused::OutOfMemory(len))?;
    into.resize(len, 0);
    copy_into(into, bytes);
    Ok(())
}
