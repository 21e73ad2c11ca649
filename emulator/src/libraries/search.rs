//! Term search over the documents' text: words, stems, stop words, passages and snippets.

use super::*;

/// Words a question is made of rather than what it is about (and the tool's trigger words).
pub(super) const STOP_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "what",
    "which",
    "about",
    "does",
    "say",
    "says",
    "said",
    "please",
    "our",
    "your",
    "you",
    "are",
    "was",
    "were",
    "been",
    "how",
    "why",
    "when",
    "where",
    "who",
    "whom",
    "can",
    "could",
    "would",
    "should",
    "did",
    "any",
    "all",
    "there",
    "their",
    "them",
    "they",
    "these",
    "those",
    "have",
    "has",
    "had",
    "not",
    "but",
    "than",
    "then",
    "into",
    "out",
    "use",
    "using",
    "tell",
    "find",
    "look",
    "search",
    "document",
    "documents",
    "library",
    "libraries",
    "knowledge",
    "base",
    "file",
    "files",
    "uploaded",
    "according",
    "mention",
    "mentions",
    "show",
    "give",
    "get",
    "know",
    "its",
    "it's",
    "is",
    "in",
    "of",
    "to",
    "on",
    "at",
    "by",
    "an",
    "or",
    "if",
    "so",
    "do",
    "my",
    "me",
    "we",
    "us",
    "be",
    "it",
    "a",
    "i",
];

/// Lowercase words (letters and digits) of a text.
pub(super) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A crude stem: plural and verb endings off (`policies` → `policy`, `refunds` → `refund`).
pub(super) fn stem(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if n > 5 && word.ends_with("ing") {
        word[..word.len() - 3].to_owned()
    } else if n > 4 && word.ends_with("ed") {
        word[..word.len() - 2].to_owned()
    } else if n > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// The terms of a query: its words minus stop words, at least 3 characters (or a number),
/// stemmed, without repeats.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(query) {
        let keep = !STOP_WORDS.contains(&w.as_str())
            && (w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit()));
        let s = stem(&w);
        if keep && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

pub(super) fn term_matches(term: &str, word: &str) -> bool {
    if term == word {
        return true;
    }
    let (short, long) = if term.len() <= word.len() {
        (term, word)
    } else {
        (word, term)
    };
    short.chars().count() >= 4 && long.starts_with(short)
}

/// Splits a text into passages: paragraphs (blank-line separated), long ones cut at sentence
/// ends into pieces of about [`MAX_SNIPPET`] characters.
pub fn passages(text: &str) -> Vec<String> {
    let normalized = text.replace("\r\n", "\n");
    let mut out = Vec::new();
    for para in normalized.split("\n\n") {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if para.is_empty() {
            continue;
        }
        let mut current = String::new();
        let mut sentence = String::new();
        let mut chars = para.chars().peekable();
        while let Some(c) = chars.next() {
            sentence.push(c);
            let end = matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| *n == ' ');
            if end || chars.peek().is_none() {
                if !current.is_empty()
                    && current.chars().count() + sentence.chars().count() > MAX_SNIPPET
                {
                    out.push(std::mem::take(&mut current).trim().to_owned());
                }
                current.push_str(&sentence);
                sentence.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_owned());
        }
    }
    out
}

pub(super) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Term matching: every passage containing at least one of the query's terms, with its score
/// (10 per distinct term found, plus 1 per further occurrence, at most 9), best first.
/// A term matches a word when their stems are equal or, for stems of 4 letters or more, when
/// one starts with the other (`refund` matches `refunds`, `refundable`).
pub fn search_text(text: &str, query: &str) -> Vec<(usize, String)> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, String)> = passages(text)
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let stems: Vec<String> = words(&p).map(|w| stem(&w)).collect();
            let mut distinct = 0;
            let mut extra = 0;
            for t in &terms {
                let n = stems.iter().filter(|w| term_matches(t, w)).count();
                if n > 0 {
                    distinct += 1;
                    extra += n - 1;
                }
            }
            (distinct > 0).then(|| (distinct * 10 + extra.min(9), i, clip(&p, MAX_SNIPPET)))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(s, _, p)| (s, p)).collect()
}

// ----- text extraction -----
