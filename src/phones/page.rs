//! The pages the server sends: the phone page (one self-contained file, served from the binary)
//! and the small page that asks for the room code. Their inline style and script are allowed by
//! hash in a strict Content-Security-Policy; nothing else may load.

use sha2::{Digest, Sha256};
use std::sync::OnceLock;

use super::Lang;

/// The phone page: HTML with inline CSS and JS, both languages inside (the state says which).
pub const PHONE_PAGE: &str = include_str!("phone.html");

/// A page and the Content-Security-Policy that goes with it.
#[derive(Debug, Clone)]
pub struct Page {
    pub html: String,
    pub csp: String,
}

/// The phone page with its policy (computed once).
pub fn phone_page() -> Page {
    static PAGE: OnceLock<Page> = OnceLock::new();
    PAGE.get_or_init(|| Page {
        html: PHONE_PAGE.to_string(),
        csp: policy_for(PHONE_PAGE),
    })
    .clone()
}

/// The page at `/`: a form for the room code (no script), with a message when a code was wrong.
pub fn room_page(lang: Lang, message: Option<&str>) -> Page {
    let (title, label, button) = match lang {
        Lang::Nl => ("Meedoen", "Kamercode van het scherm", "Meedoen"),
        Lang::En => ("Join", "Room code from the screen", "Join"),
    };
    let message = message
        .map(|m| format!("<p class=\"err\">{}</p>", escape(m)))
        .unwrap_or_default();
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{title}</title>\
<style>{ROOM_STYLE}</style></head><body><main><h1>{title}</h1>{message}\
<form method=\"get\" action=\"/r\"><label for=\"code\">{label}</label>\
<input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"8\" required>\
<button type=\"submit\">{button}</button></form></main></body></html>",
        lang = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
    );
    let csp = policy_for(&html);
    Page { html, csp }
}

const ROOM_STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#1d2330;color:#f4f4f4}\
main{max-width:28rem;margin:0 auto;padding:1.5rem}label{display:block;margin:1rem 0 .5rem}\
input{font-size:2rem;width:100%;box-sizing:border-box;letter-spacing:.2em;text-transform:uppercase;padding:.4rem}\
button{margin-top:1rem;font-size:1.4rem;width:100%;padding:.8rem;border:0;border-radius:.5rem;background:#e69f00;color:#111}\
.err{background:#5a1d1d;padding:.6rem;border-radius:.4rem}";

/// The policy for a page: only its own inline `<style>` and `<script>` blocks (by hash), requests
/// to this server only, no frames, no forms elsewhere.
pub fn policy_for(html: &str) -> String {
    let styles: Vec<String> = blocks(html, "style").map(hash_source).collect();
    let scripts: Vec<String> = blocks(html, "script").map(hash_source).collect();
    let list = |v: &[String]| {
        if v.is_empty() {
            "'none'".to_string()
        } else {
            v.join(" ")
        }
    };
    format!(
        "default-src 'none'; style-src {}; script-src {}; connect-src 'self'; img-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        list(&styles),
        list(&scripts)
    )
}

/// The contents of every `<tag>…</tag>` block.
fn blocks<'a>(html: &'a str, tag: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut rest = html;
    std::iter::from_fn(move || {
        let start = rest.find(&open)? + open.len();
        let len = rest[start..].find(&close)?;
        let block = &rest[start..start + len];
        rest = &rest[start + len + close.len()..];
        Some(block)
    })
}

fn hash_source(block: &str) -> String {
    format!(
        "'sha256-{}'",
        crate::photos::base64(&Sha256::digest(block.as_bytes()))
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phone_page_is_small_self_contained_and_hashed() {
        assert!(
            PHONE_PAGE.len() < 30 * 1024,
            "{} bytes: the page must stay under 30 KB",
            PHONE_PAGE.len()
        );
        for outside in ["http://", "https://", "src=", "@import", "url("] {
            assert!(
                !PHONE_PAGE.contains(outside),
                "the page loads nothing from elsewhere ({outside})"
            );
        }
        let csp = phone_page().csp;
        assert_eq!(blocks(PHONE_PAGE, "script").count(), 1);
        assert_eq!(blocks(PHONE_PAGE, "style").count(), 1);
        assert!(csp.contains("default-src 'none'"));
        assert!(csp.contains("script-src 'sha256-"));
        assert!(csp.contains("style-src 'sha256-"));
        assert!(!csp.contains("unsafe"));
    }

    #[test]
    fn the_room_page_escapes_its_message() {
        let p = room_page(Lang::En, Some("<b>"));
        assert!(p.html.contains("&lt;b&gt;"));
        assert!(p.csp.contains("script-src 'none'"));
    }
}
