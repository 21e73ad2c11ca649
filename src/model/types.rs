//! The JavaScript spelling: camelCase serde types with tsify declarations.
//!
//! Generated from the same definitions as [`wire`](super::wire). Only keys change case; tag
//! values (`"web_search"`, `"message.output.delta"`) and opaque JSON are never touched. The
//! package's `.d.ts` is made from these types' declarations.

/// Declares a struct: camelCase keys, optional fields are `field?: T | null` in TypeScript (the
/// official SDK's types accept `null` there, and the wire gets the `null` as written).
/// `pub field as "jsName": T` is the official SDK's name for a field it renames.
macro_rules! model {
    ($(#[$m:meta])* pub struct $name:ident { $($body:tt)* }) => {
        model!(@field [$(#[$m])*] $name [] $($body)*);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? ? : $t:ty $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* {
            [$(#[$fm])* $(#[serde(rename = $js)])?
                // Not spelled `Option::is_none`, which tsify reads as "optional, never null".
                #[serde(default, skip_serializing_if = "core::option::Option::is_none")]] $f [Option<$t>]
        }] $($($rest)*)?);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? : $t:ty $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* { [$(#[$fm])* $(#[serde(rename = $js)])?] $f [$t] }] $($($rest)*)?);
    };
    (@field [$(#[$m:meta])*] $name:ident [$({ [$($fa:tt)*] $f:ident [$t:ty] })*]) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, tsify::Tsify)]
        #[serde(rename_all = "camelCase")]
        // A required `Option` is a field the API always sends, possibly as `null`.
        #[tsify(missing_as_null)]
        pub struct $name {
            $($($fa)* pub $f: $t,)*
        }
    };
}

/// Declares a tagged union; TypeScript sees the known members, unknown ones pass through at run time.
macro_rules! union {
    (
        $(#[$m:meta])* pub enum $name:ident tag $tag:literal $(default $default:literal)? {
            $($(#[$vm:meta])* $vtag:literal => $var:ident($t:ty),)*
        }
    ) => {
        $(#[$m])*
        #[doc = ""]
        #[doc = "Members this version does not know arrive verbatim (keys untouched) and round-trip unchanged."]
        #[derive(Debug, Clone, PartialEq, tsify::Tsify)]
        #[serde(tag = $tag)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $vtag)] $var($t),)*
            /// A member this version does not know, kept verbatim so it round-trips.
            #[serde(skip)]
            Unknown($crate::model::leaf::Json),
        }

        $crate::model::union_serde!($name, $tag, [$($default)?], [$($vtag => $var($t)),*]);
    };
}

/// Declares a union told apart by the JSON kind of its value.
macro_rules! untagged {
    // `ts "..."` gives the TypeScript declaration where the derived one is too narrow.
    (ts $ts:literal $(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident($t:ty),)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, tsify::Tsify)]
        #[serde(untagged)]
        #[tsify(type = $ts)]
        pub enum $name {
            $($(#[$vm])* $var($t),)*
        }
    };
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident($t:ty),)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, tsify::Tsify)]
        #[serde(untagged)]
        pub enum $name {
            $($(#[$vm])* $var($t),)*
        }
    };
}

/// Declares an object keyed by names of your choosing: `Record<string, T>` in TypeScript.
macro_rules! record {
    ($(#[$m:meta])* pub struct $name:ident(Record<$t:ty>);) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, tsify::Tsify)]
        #[serde(transparent)]
        #[tsify(hashmap_as_object)]
        pub struct $name(pub std::collections::BTreeMap<String, $t>);
    };
}

pub mod common {
    //! Settings shared by agents and conversations.
    include!("defs/common.rs");
}
pub mod tools {
    //! Tools an agent or conversation may use.
    include!("defs/tools.rs");
}
pub mod chunks {
    //! Content chunks of messages.
    include!("defs/chunks.rs");
}
pub mod entries {
    //! Conversation entries: messages, function calls and results, tool executions, handoffs.
    include!("defs/entries.rs");
}
pub mod conversations {
    //! Conversation requests and responses.
    include!("defs/conversations.rs");
}
pub mod events {
    //! Conversation stream events.
    include!("defs/events.rs");
}

pub mod agents {
    //! Agents: requests, the agent object, versions and aliases.
    include!("defs/agents.rs");
}
pub mod connectors {
    //! Connectors: MCP and HTTP servers, their tools, authentication and credentials.
    include!("defs/connectors.rs");
}
pub mod libraries {
    //! Document libraries, their documents, and who they are shared with.
    include!("defs/libraries.rs");
}
pub mod files {
    //! Files, such as images made by the image generation tool.
    include!("defs/files.rs");
}

pub use agents::*;
pub use chunks::*;
pub use common::*;
pub use connectors::*;
pub use conversations::*;
pub use entries::*;
pub use events::*;
pub use files::*;
pub use libraries::*;
pub use tools::*;
