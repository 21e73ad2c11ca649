//! Leaf types shared by both spellings: opaque JSON, secrets, and string enums.
//!
//! A leaf has no keys of its own to re-case, so the wire and the JavaScript side use the
//! same Rust type. Opaque JSON (JSON Schema `parameters`, `metadata`, connector `headers`,
//! tool `arguments`) is carried verbatim and never key-walked.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use super::shape::{HasShape, Shape};

/// Any JSON value, passed through untouched.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "unknown")]
pub struct Json(pub serde_json::Value);

impl HasShape for Json {
    const SHAPE: &'static Shape = &Shape::Any;
}

/// A JSON object whose keys belong to you (metadata, JSON Schema, headers): never re-cased.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "Record<string, unknown>")]
pub struct JsonObject(pub serde_json::Map<String, serde_json::Value>);

impl HasShape for JsonObject {
    const SHAPE: &'static Shape = &Shape::Any;
}

/// A credential (OAuth token or API key). Its `Debug` form never shows the value.
#[derive(Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "string")]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl HasShape for Secret {
    const SHAPE: &'static Shape = &Shape::String;
}

/// A number or a string: agent versions (`3` or an alias such as `"prod"`), reference ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(untagged)]
pub enum NumberOrString {
    /// A number.
    Number(i64),
    /// A string.
    String(String),
}

impl HasShape for NumberOrString {
    const SHAPE: &'static Shape = &Shape::OneOf(&[&Shape::Integer, &Shape::String]);
}

/// Declares an open string enum: TypeScript sees the documented values, while any string
/// the API sends later still passes through and round-trips.
macro_rules! string_enum {
    ($($(#[$meta:meta])* $name:ident = $ts:literal;)*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Tsify)]
        #[serde(transparent)]
        #[tsify(type = $ts)]
        pub struct $name(pub String);

        impl HasShape for $name {
            const SHAPE: &'static Shape = &Shape::String;
        }

        impl $name {
            /// The value as the API spells it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    )*};
}

string_enum! {
    /// Who wrote a message.
    Role = "\"user\" | \"assistant\"";
    /// Where agent handoffs run: in Mistral's cloud (`"server"`, the default) or back in your code (`"client"`).
    HandoffExecution = "\"client\" | \"server\"";
    /// Whether a function call that needs confirmation was allowed.
    ConfirmationStatus = "\"pending\" | \"allowed\" | \"denied\"";
    /// Your answer to a tool call that needs confirmation.
    Confirmation = "\"allow\" | \"deny\"";
    /// How the model may pick tools.
    ToolChoice = "\"auto\" | \"none\" | \"any\" | \"required\"";
    /// How much the model may reason before answering.
    ReasoningEffort = "\"none\" | \"minimal\" | \"low\" | \"medium\" | \"high\" | \"xhigh\"";
    /// The format of the model's answer.
    ResponseFormatType = "\"text\" | \"json_object\" | \"json_schema\"";
    /// The resolution at which an image is looked at.
    ImageDetail = "\"low\" | \"auto\" | \"high\"";
    /// What a guardrail does when it fires.
    GuardrailAction = "\"none\" | \"block\"";
}
