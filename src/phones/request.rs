//! Reading a request: ids, query parameters and a size-limited body.

use hyper::Request;
use hyper::body::{Body, Incoming};
use hyper::header;
use std::pin::Pin;

/// A device id or vote id as a page makes them: 8 to 64 letters, digits, `-` or `_`.
pub(super) fn valid_id(s: &str) -> bool {
    (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Reads a body of at most `max` bytes; `None` when it is larger.
pub(super) async fn read_body(req: Request<Incoming>, max: usize) -> Option<Vec<u8>> {
    if req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > max as u64)
    {
        return None;
    }
    let mut body = req.into_body();
    let mut out = Vec::new();
    loop {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            None => return Some(out),
            Some(Err(_)) => return None,
            Some(Ok(f)) => {
                if let Ok(data) = f.into_data() {
                    if out.len() + data.len() > max {
                        return None;
                    }
                    out.extend_from_slice(&data);
                }
            }
        }
    }
}

pub(super) fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
