//! JSON text handling: the schema-driven transcoder between the wire and JavaScript spellings,
//! and a small lazy reader of values for the few places that look inside JSON.

pub mod date;
pub mod text;
pub mod transcode;
pub mod value;

pub use transcode::{
    kind_mismatch, to_js, to_js_ascii, to_js_dated, to_js_members, to_wire, value_to_js_ascii,
    Member, TranscodeError, TranscodeErrorKind,
};
pub use value::{Kind, Value};
