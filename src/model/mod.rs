//! The API's data model, written once and spelled twice.
//!
//! The definitions in `defs/` are included into [`wire`] (snake_case, as Mistral sends it)
//! and [`types`] (camelCase, as JavaScript sees it, with tsify declarations). [`shape`] holds the
//! static tables that the runtime [`transcoder`](crate::json) walks to convert between the two.

pub mod leaf;
pub mod shape;
pub mod types;
pub mod wire;

/// Serialize / Deserialize for a tagged union with a verbatim fallback member.
///
/// Known tags deserialize strictly into their member (errors propagate); an unknown or
/// missing tag (without a default) keeps the whole object as `Unknown`.
macro_rules! union_serde {
    ($name:ident, $tag:literal, [$($default:literal)?], [$($vtag:literal => $var:ident($t:ty)),*]) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                #[derive(serde::Serialize)]
                #[serde(tag = $tag)]
                enum Tagged<'a> {
                    $(#[serde(rename = $vtag)] $var(&'a $t),)*
                }
                match self {
                    $(Self::$var(member) => serde::Serialize::serialize(&Tagged::$var(member), serializer),)*
                    Self::Unknown(raw) => serde::Serialize::serialize(raw, serializer),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::Error as _;
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                let default: Option<&str> = $crate::model::opt!($($default)?);
                let tag = match value.get($tag) {
                    Some(serde_json::Value::String(tag)) => Some(tag.clone()),
                    None => default.map(str::to_owned),
                    Some(_) => None,
                };
                match tag.as_deref() {
                    $(Some($vtag) => serde_json::from_value::<$t>(value)
                        .map(Self::$var)
                        .map_err(|e| D::Error::custom(format_args!("{} `{}`: {}", stringify!($name), $vtag, e))),)*
                    _ => Ok(Self::Unknown($crate::model::leaf::Json(value))),
                }
            }
        }
    };
}
pub(crate) use union_serde;

/// `Some(literal)` or `None`, for optional macro arguments.
macro_rules! opt {
    () => {
        None
    };
    ($value:literal) => {
        Some($value)
    };
}
pub(crate) use opt;
