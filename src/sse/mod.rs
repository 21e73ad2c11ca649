//! Decoding of server-sent events (`text/event-stream`).
//!
//! [`SseDecoder`] turns the bytes of an event stream, in chunks of any size, into events. It does no
//! I/O of its own: feed it what the network hands you and it calls you back with each event as soon
//! as the blank line that ends it arrives. It follows the "event stream interpretation" rules of the
//! WHATWG HTML standard.

mod decoder;

pub use decoder::{DecoderOptions, EventRef, SseDecoder, SseError, SseEvent};
