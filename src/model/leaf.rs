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

/// A JSON object whose values are secrets (credentials, secret headers). Its `Debug` form never
/// shows them; the keys and values are sent as written, never re-cased.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "Record<string, unknown>")]
pub struct SecretObject(pub serde_json::Map<String, serde_json::Value>);

impl std::fmt::Debug for SecretObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretObject(<redacted>)")
    }
}

impl HasShape for SecretObject {
    const SHAPE: &'static Shape = &Shape::Any;
}

/// Strings keyed by names of your choosing (a language, a header name): keys are never re-cased.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "Record<string, string>")]
pub struct StringMap(pub std::collections::BTreeMap<String, String>);

impl HasShape for StringMap {
    const SHAPE: &'static Shape = &Shape::Record(&Shape::String);
}

/// Secret strings keyed by name (credential headers). Its `Debug` form never shows the values.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "Record<string, string>")]
pub struct SecretMap(pub std::collections::BTreeMap<String, Secret>);

impl std::fmt::Debug for SecretMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()?;
        f.write_str(" (values redacted)")
    }
}

impl HasShape for SecretMap {
    const SHAPE: &'static Shape = &Shape::Record(&Shape::String);
}

/// An RFC 3339 date-time (`"2025-05-27T13:38:28.129185Z"`): a string on the wire, a `Date` in
/// JavaScript, as the official SDK gives it. Responses arrive with `Date`s; in a request, a `Date`
/// is sent as its ISO string (`JSON.stringify` writes it so), and a string is sent as written.
///
/// The wire types keep such fields as `String`s (their definitions say `DateTime`, which the wire
/// macro stores as a `String` with this shape), so Rust code reads and writes them as text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "Date")]
pub struct DateTime(pub String);

impl HasShape for DateTime {
    const SHAPE: &'static Shape = &Shape::DateTime;
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
    /// Who a connector, credential or setting belongs to (`"org"` here, `"organization"` in paths).
    ConsumerType = "\"user\" | \"org\" | \"workspace\" | \"system\"";
    /// Who can see a connector or tool.
    ResourceVisibility = "\"shared_global\" | \"shared_org\" | \"shared_workspace\" | \"private\"";
    /// How Mistral talks to a connector's server.
    ConnectorProtocol = "\"mcp\" | \"http\"";
    /// How a connector authenticates to its server.
    OutboundAuthenticationType = "\"oauth2\" | \"bearer\" | \"none\" | \"github_app\" | \"slack_app\"";
    /// The kind of an authentication method being set up: how a connector authenticates to its
    /// server, or (`"webhook"`) how its server authenticates to Mistral.
    AuthenticationMethodType = "\"oauth2\" | \"bearer\" | \"none\" | \"github_app\" | \"slack_app\" | \"webhook\"";
    /// The OAuth 2 grant a connector uses.
    OAuth2GrantType = "\"authorization_code\" | \"client_credentials\"";
    /// How the OAuth 2 client authenticates at the token endpoint.
    TokenEndpointAuthMethod = "\"client_secret_post\" | \"client_secret_basic\"";
    /// Which way an authentication method applies.
    AuthDirection = "\"inbound\" | \"outbound\"";
    /// The last check of a set of credentials.
    CredentialsStatusType = "\"valid\" | \"invalid\" | \"error\"";
    /// The kind of a connector's connection.
    ConnectionConfigType = "\"mcp\" | \"turbine\" | \"eolienne\"";
    /// Who owns a library.
    LibraryOwnerType = "\"User\" | \"Workspace\" | \"Org\"";
    /// What a library share allows.
    SharingLevel = "\"Viewer\" | \"Editor\"";
    /// Whom a library is shared with.
    ShareWithType = "\"User\" | \"Workspace\" | \"Org\"";
    /// Where a document is in its processing.
    ProcessStatus = "\"self_managed\" | \"missing_content\" | \"noop\" | \"done\" | \"todo\" | \"in_progress\" | \"error\" | \"waiting_for_capacity\"";
    /// What a file is for.
    FilePurpose = "\"fine-tune\" | \"batch\" | \"ocr\"";
    /// Where a file came from.
    FileSource = "\"upload\" | \"repository\" | \"mistral\"";
    /// Who can see a file.
    FileVisibility = "\"workspace\" | \"user\"";
}
