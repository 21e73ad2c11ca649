//! A tiny JSON writer for the run loop's answers: members and items are separated by commas
//! as they are added, strings are quoted by [`write_quoted`].

use crate::json::text::write_quoted;

/// JSON text being written.
#[derive(Debug, Default)]
pub(super) struct Writer {
    out: String,
}

impl Writer {
    /// A comma, unless this is the first member or item of its container.
    fn separate(&mut self) {
        if !(self.out.is_empty() || self.out.ends_with('{') || self.out.ends_with('[')) {
            self.out.push(',');
        }
    }

    /// Opens an object (as an item, or after a key).
    #[inline(never)]
    pub fn open(&mut self) -> &mut Self {
        self.item();
        self.out.push('{');
        self
    }

    /// Opens an array (as an item, or after a key).
    #[inline(never)]
    pub fn open_array(&mut self) -> &mut Self {
        self.item();
        self.out.push('[');
        self
    }

    /// Closes an object.
    pub fn close(&mut self) -> &mut Self {
        self.out.push('}');
        self
    }

    /// Closes an array.
    pub fn close_array(&mut self) -> &mut Self {
        self.out.push(']');
        self
    }

    /// Marks the start of an item: a comma unless a key was just written.
    fn item(&mut self) {
        if !self.out.ends_with(':') {
            self.separate();
        }
    }

    /// A member's key.
    #[inline(never)]
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.separate();
        write_quoted(&mut self.out, key);
        self.out.push(':');
        self
    }

    /// A string value.
    #[inline(never)]
    pub fn string(&mut self, text: &str) -> &mut Self {
        self.item();
        write_quoted(&mut self.out, text);
        self
    }

    /// A value already written as JSON text.
    #[inline(never)]
    pub fn raw(&mut self, json: &str) -> &mut Self {
        self.item();
        self.out.push_str(json);
        self
    }

    /// A boolean.
    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.raw(if value { "true" } else { "false" })
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_members_and_items() {
        let mut w = Writer::default();
        w.open().key("a").raw("1").key("b").open_array();
        w.string("x\"").open().close().bool(true).close_array();
        w.key("c").open().key("d").raw("null").close().close();
        assert_eq!(w.finish(), r#"{"a":1,"b":["x\"",{},true],"c":{"d":null}}"#);
    }
}
