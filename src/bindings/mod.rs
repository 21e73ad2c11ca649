//! The JavaScript face of the crate: the only code that touches wasm-bindgen, web-sys and js-sys.

mod bytes;
mod client;
#[cfg(not(feature = "conversations-only"))]
mod decoder;
mod error;
mod options;
#[cfg(not(feature = "conversations-only"))]
mod run;
mod stream;
#[cfg(test)]
mod tests;
mod transport;
mod typescript;
