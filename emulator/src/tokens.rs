//! The scripted model's tokenizer: a token is a run of non-space characters with the spaces
//! before it (`"Echo: hi there"` → `"Echo:"`, `" hi"`, `" there"`). Trailing spaces join the
//! last token. Deterministic, and cheap enough for million-token replies.

/// Iterates over the tokens of `text` as subslices.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { rest: text }
}

/// The iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        // Spaces at the very end belong to the last token.
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j == bytes.len() {
            i = j;
        }
        // `i` is at an ASCII byte or the end, so it is a char boundary.
        let (token, rest) = self.rest.split_at(i);
        self.rest = rest;
        Some(token)
    }
}

/// How many tokens `text` has.
pub fn count(text: &str) -> usize {
    tokens(text).count()
}

/// The first `n` tokens of `text`.
pub fn truncate(text: &str, n: usize) -> &str {
    let mut len = 0;
    for token in tokens(text).take(n) {
        len += token.len();
    }
    &text[..len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_before_spaces_and_keeps_every_byte() {
        let t: Vec<&str> = tokens("Echo: hi  there\n日本 ").collect();
        assert_eq!(t, vec!["Echo:", " hi", "  there", "\n日本 "]);
        assert_eq!(t.concat(), "Echo: hi  there\n日本 ");
        assert_eq!(count(""), 0);
        assert_eq!(count("   "), 1);
        assert_eq!(truncate("a b c", 2), "a b");
        assert_eq!(truncate("a b c", 9), "a b c");
    }
}
