//! Responses: the body type (all at once or an event stream) and the headers every answer has.

use hyper::body::{Body, Bytes, Frame};
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::Lang;
use super::events::EventStream;
use super::msg::Msg;

pub(super) fn error_json(msg: &str) -> String {
    serde_json::json!({ "ok": false, "message": msg }).to_string()
}

/// A response body: all at once, or an event stream.
pub enum Out {
    Full(Option<Bytes>),
    Events(Box<EventStream>),
}

impl Body for Out {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Out::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Out::Events(s) => s.poll_next_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Out::Full(None))
    }
}

pub(super) fn respond(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Bytes>,
) -> Response<Out> {
    let mut r = Response::new(Out::Full(Some(body.into())));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

pub(super) fn json(status: StatusCode, value: serde_json::Value) -> Response<Out> {
    respond(status, "application/json; charset=utf-8", value.to_string())
}

pub(super) fn refuse(status: StatusCode, msg: Msg, lang: Lang) -> Response<Out> {
    respond(
        status,
        "application/json; charset=utf-8",
        error_json(msg.text(lang)),
    )
}

pub(super) fn html(body: String, csp: &str) -> Response<Out> {
    let mut r = respond(StatusCode::OK, "text/html; charset=utf-8", body);
    if let Ok(v) = HeaderValue::from_str(csp) {
        r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r.headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}
