//! Generates the JavaScript names of the seam between the wasm and `js/` from its one table,
//! `src/request/seam.rs`, into the files that use them (between their `// ---- seam:` lines), and
//! checks the committed copies are current. `UPDATE_OPERATIONS=1 cargo test --test seam_js`
//! rewrites them (`make regen` does).

use mistral_edge::request::seam::{self, Group};

const BEGIN: &str =
    "// ---- seam: generated from src/request/seam.rs by tests/seam_js.rs; do not edit (`make regen`)\n";
const END: &str = "// ---- seam: end\n";

/// Each file that reads or writes across the seam, with the groups it uses.
const FILES: &[(&str, &[&Group])] = &[
    (
        "js/transport.js",
        &[
            &seam::FAILURE_GROUP,
            &seam::RESPONSE_GROUP,
            &seam::CALL_GROUP,
            &seam::DELAY_GROUP,
        ],
    ),
    (
        "js/options.js",
        &[
            &seam::OPTION_GROUP,
            &seam::RETRY_GROUP,
            &seam::STRATEGY_GROUP,
            &seam::FAILURE_GROUP,
        ],
    ),
];

/// The generated constants of these groups, each group under its doc as a comment.
fn constants(groups: &[&Group]) -> String {
    let mut out = String::new();
    for group in groups {
        for line in group.doc.lines() {
            out.push_str(&format!("//{}\n", line.trim_end()));
        }
        for (name, value) in group.names {
            out.push_str(&format!("const {}_{name} = {value};\n", group.prefix));
        }
    }
    out
}

/// `text` with its seam section replaced, or `None` when it has no (single) section.
fn with_section(text: &str, body: &str) -> Option<String> {
    let start = text.find(BEGIN)? + BEGIN.len();
    let end = start + text[start..].find(END)?;
    if text[end + END.len()..].contains(BEGIN) {
        return None;
    }
    Some(format!("{}{body}{}", &text[..start], &text[end..]))
}

#[test]
fn the_javascript_names_are_the_tables() {
    let update = std::env::var_os("UPDATE_OPERATIONS").is_some();
    let mut stale = Vec::new();
    for (file, groups) in FILES {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let Some(fresh) = with_section(&text, &constants(groups)) else {
            panic!(
                "{file} needs one section from the line `{}` to `{}`",
                BEGIN.trim_end(),
                END.trim_end()
            );
        };
        if fresh == text {
            continue;
        }
        if update {
            std::fs::write(&path, fresh).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else {
            stale.push(*file);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} are not what src/request/seam.rs generates: run `UPDATE_OPERATIONS=1 cargo test --test seam_js`"
    );
}

/// Every name a file uses across the seam is one the table generates into it, and every group
/// generated into a file is used there: a misspelt or stale name fails here, not at run time as
/// an `undefined` slot.
#[test]
fn every_seam_name_in_a_file_is_generated_into_it() {
    for (file, groups) in FILES {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let end = text.find(END).map_or(0, |at| at + END.len());
        let code = &text[end..];
        let generated: Vec<String> = groups
            .iter()
            .flat_map(|g| g.names.iter().map(|(n, _)| format!("{}_{n}", g.prefix)))
            .collect();
        for group in seam::GROUPS {
            let prefix = format!("{}_", group.prefix);
            for (at, _) in code.match_indices(&prefix) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                let name: String = code[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if name.len() > prefix.len() {
                    assert!(
                        generated.contains(&name),
                        "{file} uses `{name}`, which is not generated into it"
                    );
                }
            }
        }
        for group in *groups {
            assert!(
                code.contains(&format!("{}_", group.prefix)),
                "{file} has the {} names generated but uses none",
                group.prefix
            );
        }
    }
}
