//! JSON text handling: the schema-driven transcoder between the wire and JavaScript spellings.

pub mod text;
pub mod transcode;

pub use transcode::{to_js, to_js_ascii, to_js_members, to_wire, Member, TranscodeError, TranscodeErrorKind};
