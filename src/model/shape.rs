//! Static descriptions of the API's JSON shapes, generated from the model definitions.
//!
//! The [`transcode`](crate::json::transcode) module walks these tables to turn wire JSON
//! (snake_case) into JavaScript JSON (camelCase) and back, renaming only the keys the API
//! defines and copying everything else verbatim.

/// The shape of one JSON value.
#[derive(Debug)]
pub enum Shape {
    /// A JSON string.
    String,
    /// Any JSON number.
    Number,
    /// A JSON number without fraction or exponent.
    Integer,
    /// `true` or `false`.
    Bool,
    /// An RFC 3339 date-time: a string on the wire, a `Date` in JavaScript.
    DateTime,
    /// Any JSON value, copied verbatim: JSON Schema, metadata, headers, tool arguments.
    Any,
    /// `null`, or a value of the inner shape.
    Nullable(&'static Shape),
    /// An array whose items have the inner shape.
    Array(&'static Shape),
    /// An object with arbitrary keys (kept verbatim) whose values have the inner shape.
    Record(&'static Shape),
    /// An object with known fields.
    Struct(&'static StructShape),
    /// An object whose fields depend on its tag field (`type`, ...).
    Union(&'static UnionShape),
    /// One of several shapes, told apart by the JSON kind of the value (string, array, object, ...).
    OneOf(&'static [&'static Shape]),
}

/// An object type with named fields.
#[derive(Debug)]
pub struct StructShape {
    /// The type's name, as in the TypeScript declarations. Not in the client's wasm (feature
    /// `bindings`), which never reads it and would ship every name; the generators, the tests and
    /// the emulator (native or wasm) read it.
    #[cfg(any(not(target_arch = "wasm32"), not(feature = "bindings")))]
    pub name: &'static str,
    /// Its fields, in declaration order.
    pub fields: &'static [Field],
}

/// One field of a [`StructShape`].
#[derive(Debug)]
pub struct Field {
    /// The key on the wire (snake_case); the JavaScript key is derived from it ([`Field::js`]).
    pub wire: &'static str,
    /// Where the official SDK renames the field (`bytes` → `sizeBytes`) instead of
    /// camel-casing it: the JavaScript key's index in [`RENAMES`] plus one; 0 for none. (A
    /// byte, which fits where the table's padding was: a wasm carries hundreds of fields.)
    pub rename: u8,
    /// The value's shape.
    pub shape: &'static Shape,
    /// Whether a request must carry this field.
    pub required: bool,
}

/// A tagged union: the value of `tag` picks the variant.
#[derive(Debug)]
pub struct UnionShape {
    /// The union's name, as in the TypeScript declarations. Not in the client's wasm, as
    /// [`StructShape::name`].
    #[cfg(any(not(target_arch = "wasm32"), not(feature = "bindings")))]
    pub name: &'static str,
    /// The tag key, spelled the same on both sides.
    pub tag: &'static str,
    /// The variant assumed when the tag is missing, if any.
    pub default: Option<&'static str>,
    /// The known variants; any other tag value passes through verbatim.
    pub variants: &'static [Variant],
}

/// One member of a [`UnionShape`].
#[derive(Debug)]
pub struct Variant {
    /// The tag value, never re-cased (`"web_search"`, `"message.output.delta"`).
    pub tag: &'static str,
    /// The member's fields.
    pub shape: &'static StructShape,
}

impl Shape {
    /// Whether values of this shape are date-times (or `null`).
    pub fn is_date(&self) -> bool {
        match self {
            Shape::DateTime => true,
            Shape::Nullable(inner) => inner.is_date(),
            _ => false,
        }
    }

    /// A short description of what this shape accepts, for error messages.
    pub fn expected(&self) -> &'static str {
        match self {
            Shape::String => "a string",
            Shape::DateTime => "a date (a `Date` or an RFC 3339 string)",
            Shape::Number => "a number",
            Shape::Integer => "an integer",
            Shape::Bool => "a boolean",
            Shape::Any => "any JSON value",
            Shape::Nullable(inner) => inner.expected(),
            Shape::Array(_) => "an array",
            Shape::Record(_) | Shape::Struct(_) | Shape::Union(_) => "an object",
            Shape::OneOf(_) => "one of the documented forms",
        }
    }
}

/// Struct types, whose shape other shapes refer to by reference.
pub trait HasStructShape {
    /// The struct's fields.
    const STRUCT: &'static StructShape;
}

/// Types whose JSON shape is known statically.
pub trait HasShape {
    /// The shape of this type's JSON.
    const SHAPE: &'static Shape;
}

macro_rules! leaf_shape {
    ($shape:ident: $($t:ty),*) => { $(impl HasShape for $t { const SHAPE: &'static Shape = &Shape::$shape; })* };
}
leaf_shape!(String: String);
leaf_shape!(Integer: i64, u64, u32);
leaf_shape!(Number: f64);
leaf_shape!(Bool: bool);
leaf_shape!(Any: serde_json::Value);

impl<T: HasShape> HasShape for Option<T> {
    const SHAPE: &'static Shape = &Shape::Nullable(T::SHAPE);
}
impl<T: HasShape> HasShape for Vec<T> {
    const SHAPE: &'static Shape = &Shape::Array(T::SHAPE);
}

/// Strips the `r#` of a raw identifier, as serde does for field names.
pub const fn strip_raw(ident: &str) -> &str {
    match ident.as_bytes() {
        [b'r', b'#', rest @ ..] => match core::str::from_utf8(rest) {
            Ok(name) => name,
            Err(_) => ident,
        },
        _ => ident,
    }
}

/// The JavaScript keys the official SDK gives the fields it renames (see [`Field::rename`]).
pub const RENAMES: &[&str] = &["sizeBytes", "schemaDefinition"];

/// The [`Field::rename`] of the JavaScript key `js`: its index in [`RENAMES`] plus one. A key
/// missing from the table fails the build.
pub const fn rename_of(js: &str) -> u8 {
    let mut i = 0;
    while i < RENAMES.len() {
        let (a, b) = (RENAMES[i].as_bytes(), js.as_bytes());
        let mut same = a.len() == b.len();
        let mut j = 0;
        while same && j < a.len() {
            same = a[j] == b[j];
            j += 1;
        }
        if same {
            return i as u8 + 1;
        }
        i += 1;
    }
    panic!("a renamed field's JavaScript key must be listed in shape::RENAMES")
}

impl Field {
    /// The JavaScript key the official SDK renames this field to, if it does.
    #[inline]
    pub fn renamed(&self) -> Option<&'static str> {
        match self.rename {
            0 => None,
            n => RENAMES.get(n as usize - 1).copied(),
        }
    }

    /// The key in JavaScript (camelCase).
    pub fn js(&self) -> String {
        match self.renamed() {
            Some(js) => js.to_owned(),
            None => camel(self.wire),
        }
    }

    /// Whether `name` is this field's JavaScript key, compared without building it.
    #[inline]
    pub fn is_js(&self, name: &[u8]) -> bool {
        match self.renamed() {
            Some(js) => js.as_bytes() == name,
            None => is_camel_of(self.wire, name),
        }
    }

    /// Appends this field's JavaScript key to `out`.
    #[inline(never)]
    pub fn push_js(&self, out: &mut Vec<u8>) {
        match self.renamed() {
            Some(js) => out.extend_from_slice(js.as_bytes()),
            None => push_camel(out, self.wire),
        }
    }
}

/// The camelCase spelling of a snake_case name.
pub fn camel(wire: &str) -> String {
    let mut out = Vec::with_capacity(wire.len());
    push_camel(&mut out, wire);
    String::from_utf8_lossy(&out).into_owned()
}

/// The camelCase spelling of a snake_case name, exactly as serde's `rename_all = "camelCase"`
/// spells it, byte by byte: `f(byte, position)` for each byte of it, stopping early when `f`
/// returns `false`. The model stores only wire names; both spellings come from here.
#[inline]
fn camel_bytes(wire: &str, mut f: impl FnMut(u8, usize) -> bool) -> usize {
    let (mut j, mut upper) = (0, false);
    for &c in wire.as_bytes() {
        if c == b'_' {
            upper = true;
            continue;
        }
        let c = if j == 0 {
            c.to_ascii_lowercase()
        } else if upper {
            c.to_ascii_uppercase()
        } else {
            c
        };
        upper = false;
        if !f(c, j) {
            return j;
        }
        j += 1;
    }
    j
}

/// Whether `name` is the camelCase spelling of `wire`, compared without building it.
pub fn is_camel_of(wire: &str, name: &[u8]) -> bool {
    let mut same = true;
    let len = camel_bytes(wire, |c, j| {
        same = name.get(j) == Some(&c);
        same
    });
    same && len == name.len()
}

/// Appends the camelCase spelling of `wire` to `out`.
pub fn push_camel(out: &mut Vec<u8>, wire: &str) {
    camel_bytes(wire, |c, _| {
        out.push(c);
        true
    });
}
