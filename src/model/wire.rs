//! The API's own spelling: snake_case serde types, exactly as Mistral's wire JSON has them.
//!
//! Generated from the definitions in `src/model/defs/`, which [`types`](super::types) reads too,
//! so the two spellings cannot drift apart. Each type also describes its [`Shape`](super::shape::Shape),
//! which drives the runtime transcoder. The emulator and native Rust users work with these types.

/// Declares a struct: plain serde, field names are the wire names.
///
/// `pub field as "jsName": T` gives the field the JavaScript key the official SDK gives it
/// (the wire keeps its own). A field of type `DateTime` is stored as a `String` here, with the
/// date-time shape, so the transcoder hands it to JavaScript as a `Date`.
macro_rules! model {
    ($(#[$m:meta])* pub struct $name:ident { $($body:tt)* }) => {
        model!(@field [$(#[$m])*] $name [] $($body)*);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? ? : DateTime $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* {
            [$(#[$fm])* #[serde(default, skip_serializing_if = "Option::is_none")]] $f [Option<String>] false [$($js)?]
            (&$crate::model::shape::Shape::Nullable(&$crate::model::shape::Shape::DateTime))
        }] $($($rest)*)?);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? : DateTime $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* {
            [$(#[$fm])*] $f [String] true [$($js)?] (&$crate::model::shape::Shape::DateTime)
        }] $($($rest)*)?);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? ? : $t:ty $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* {
            [$(#[$fm])* #[serde(default, skip_serializing_if = "Option::is_none")]] $f [Option<$t>] false [$($js)?]
            (<Option<$t> as $crate::model::shape::HasShape>::SHAPE)
        }] $($($rest)*)?);
    };
    (@field $m:tt $name:ident [$($done:tt)*] $(#[$fm:meta])* pub $f:ident $(as $js:literal)? : $t:ty $(, $($rest:tt)*)?) => {
        model!(@field $m $name [$($done)* {
            [$(#[$fm])*] $f [$t] true [$($js)?] (<$t as $crate::model::shape::HasShape>::SHAPE)
        }] $($($rest)*)?);
    };
    (@field [$(#[$m:meta])*] $name:ident [$({ [$($fa:tt)*] $f:ident [$t:ty] $required:literal [$($js:literal)?] ($shape:expr) })*]) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $($($fa)* pub $f: $t,)*
        }

        impl $crate::model::shape::HasStructShape for $name {
            const STRUCT: &'static $crate::model::shape::StructShape = &$crate::model::shape::StructShape {
                #[cfg(any(not(target_arch = "wasm32"), not(feature = "bindings")))]
                name: stringify!($name),
                fields: &[$($crate::model::shape::Field {
                    wire: $crate::model::shape::strip_raw(stringify!($f)),
                    rename: 0 $(+ $crate::model::shape::rename_of($js))?,
                    shape: $shape,
                    required: $required,
                },)*],
            };
        }

        impl $crate::model::shape::HasShape for $name {
            const SHAPE: &'static $crate::model::shape::Shape =
                &$crate::model::shape::Shape::Struct(<Self as $crate::model::shape::HasStructShape>::STRUCT);
        }
    };
}

/// Declares a tagged union whose unknown members are kept verbatim.
macro_rules! union {
    (
        $(#[$m:meta])* pub enum $name:ident tag $tag:literal $(default $default:literal)? {
            $($(#[$vm:meta])* $vtag:literal => $var:ident($t:ty),)*
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vm])* $var($t),)*
            /// A member this version does not know, kept verbatim so it round-trips.
            Unknown($crate::model::leaf::Json),
        }

        $crate::model::union_serde!($name, $tag, [$($default)?], [$($vtag => $var($t)),*]);

        impl $crate::model::shape::HasShape for $name {
            const SHAPE: &'static $crate::model::shape::Shape =
                &$crate::model::shape::Shape::Union(&$crate::model::shape::UnionShape {
                    #[cfg(any(not(target_arch = "wasm32"), not(feature = "bindings")))]
                    name: stringify!($name),
                    tag: $tag,
                    default: $crate::model::opt!($($default)?),
                    variants: &[$($crate::model::shape::Variant {
                        tag: $vtag,
                        shape: <$t as $crate::model::shape::HasStructShape>::STRUCT,
                    },)*],
                });
        }
    };
}

/// Declares a union told apart by the JSON kind of its value (a string or an array, ...).
macro_rules! untagged {
    // `ts "..."` overrides the TypeScript declaration; it means nothing on the wire.
    (ts $ts:literal $($rest:tt)*) => { untagged!($($rest)*); };
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident($t:ty),)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        pub enum $name {
            $($(#[$vm])* $var($t),)*
        }

        impl $crate::model::shape::HasShape for $name {
            const SHAPE: &'static $crate::model::shape::Shape =
                &$crate::model::shape::Shape::OneOf(&[$(<$t as $crate::model::shape::HasShape>::SHAPE,)*]);
        }
    };
}

/// Declares an object keyed by names of your choosing (kept verbatim), with values of one model type.
macro_rules! record {
    ($(#[$m:meta])* pub struct $name:ident(Record<$t:ty>);) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub std::collections::BTreeMap<String, $t>);

        impl $crate::model::shape::HasShape for $name {
            const SHAPE: &'static $crate::model::shape::Shape =
                &$crate::model::shape::Shape::Record(<$t as $crate::model::shape::HasShape>::SHAPE);
        }
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
