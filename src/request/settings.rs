//! The rules among the options of `new Mistral(options)`: which server a client talks to, and
//! whether an API key may be sent to it from where the client runs. (`js/transport.js` reads the
//! options object and checks each option's type; the bindings bring the two together.)

use crate::error::Error;

/// Mistral's global endpoint, the default server.
pub const DEFAULT_SERVER: &str = "https://api.mistral.ai";

fn invalid(message: String) -> Error {
    Error::InvalidRequest { message }
}

/// The base URL (no trailing `/`) for `serverURL`, else `server` (`"global"`, `"eu"` or `"us"`),
/// else the default. In a page (`page_origin`, the page's `location.origin`), a path such as
/// `/api/mistral` means the page's own origin: the proxy pattern.
///
/// `key_in_browser` says that the client runs in a browser page, has an API key and was not
/// given `dangerouslyAllowBrowser: true`: sending that key to Mistral is refused, since anyone
/// who opens the page can read it.
pub fn server_url(
    server_url: Option<&str>,
    server: Option<&str>,
    page_origin: Option<&str>,
    key_in_browser: bool,
) -> Result<String, Error> {
    let url = match (server_url, server) {
        (Some(url), _) => url,
        (None, Some("global")) | (None, None) => DEFAULT_SERVER,
        (None, Some("eu")) => "https://api.eu.mistral.ai",
        (None, Some("us")) => "https://api.us.mistral.ai",
        (None, Some(_)) => {
            return Err(invalid(
                "`server` must be \"global\", \"eu\" or \"us\"".into(),
            ))
        }
    };
    let mut url = match page_origin {
        Some(origin) if url.starts_with('/') && !url.starts_with("//") => {
            let mut joined = String::with_capacity(origin.len() + url.len());
            joined.push_str(origin);
            joined.push_str(url);
            joined
        }
        _ => url.to_owned(),
    };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(invalid(format!(
            "`serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `{url}`"
        )));
    }
    if key_in_browser && contains(url.to_ascii_lowercase().as_bytes(), b"mistral.ai") {
        return Err(invalid(
            "refusing to send an API key to Mistral from a browser, where anyone can read it: \
             point `serverURL` at your own backend, which adds the key, or pass `dangerouslyAllowBrowser: true`"
                .into(),
        ));
    }
    while url.ends_with('/') {
        url.pop();
    }
    Ok(url)
}

/// Whether `needle` occurs in `haystack`. A byte loop: `str::contains` brings its two-way
/// searcher and the str slicing panic (with `Debug` and Unicode tables) into the wasm.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<String, Error>) -> String {
        match result {
            Err(Error::InvalidRequest { message }) => message,
            other => panic!("expected an invalid request, got {other:?}"),
        }
    }

    #[test]
    fn picks_the_server() {
        assert_eq!(server_url(None, None, None, false).unwrap(), DEFAULT_SERVER);
        assert_eq!(
            server_url(None, Some("global"), None, false).unwrap(),
            DEFAULT_SERVER
        );
        assert_eq!(
            server_url(None, Some("eu"), None, false).unwrap(),
            "https://api.eu.mistral.ai"
        );
        assert_eq!(
            server_url(None, Some("us"), None, false).unwrap(),
            "https://api.us.mistral.ai"
        );
        // serverURL wins over server, and loses its trailing slashes.
        assert_eq!(
            server_url(Some("http://127.0.0.1:8/v//"), Some("eu"), None, false).unwrap(),
            "http://127.0.0.1:8/v"
        );
        assert_eq!(
            message(server_url(None, Some("mars"), None, false)),
            "`server` must be \"global\", \"eu\" or \"us\""
        );
        assert_eq!(
            message(server_url(Some("ftp://x"), None, None, false)),
            "`serverURL` must be an http(s) URL (or, in a page, a path such as `/api`), got `ftp://x`"
        );
    }

    #[test]
    fn a_path_is_the_page_s_own_origin() {
        let origin = Some("https://app.example");
        assert_eq!(
            server_url(Some("/api/mistral/"), None, origin, false).unwrap(),
            "https://app.example/api/mistral"
        );
        // Protocol-relative URLs are not paths; outside a page a path is no URL at all.
        assert!(server_url(Some("//evil.example"), None, origin, false).is_err());
        assert!(server_url(Some("/api"), None, None, false).is_err());
    }

    #[test]
    fn refuses_a_key_for_mistral_in_a_browser() {
        let refused = message(server_url(None, None, None, true));
        assert!(refused.starts_with("refusing to send an API key to Mistral from a browser"));
        assert!(!refused.contains("sk-"));
        assert!(server_url(None, Some("eu"), None, true).is_err());
        assert!(server_url(Some("https://API.Mistral.AI"), None, None, true).is_err());
        // A backend of one's own may get the key (it is the proxy's to add, or not).
        assert_eq!(
            server_url(Some("/api"), None, Some("https://app.example"), true).unwrap(),
            "https://app.example/api"
        );
        assert!(server_url(None, None, None, false).is_ok());
    }
}
