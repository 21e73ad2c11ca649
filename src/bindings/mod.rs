//! The JavaScript face of the crate: the only code that touches wasm-bindgen, web-sys and js-sys.

mod bytes;
mod client;
mod decoder;
mod error;
mod options;
mod stream;
#[cfg(test)]
mod tests;
mod transport;
mod typescript;
