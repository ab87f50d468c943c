//! The Server-Sent Events stream: each device's view whenever it changes, a comment now and then.

use bevy::tasks::futures_lite::StreamExt;
use hyper::body::{Bytes, Frame};
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};
use std::task::{Context, Poll};

use super::Lang;
use super::msg::Msg;
use super::request::{query_param, valid_id};
use super::response::{Out, refuse};
use super::shared::Shared;

/// One open event stream: sends the device's view whenever it changes, a comment now and then.
pub struct EventStream {
    shared: Arc<Shared>,
    device: String,
    /// The version last looked at and the text last sent (a new version with the same text for
    /// this device sends nothing).
    seen: Option<u64>,
    sent: Option<String>,
    wakeups: Pin<Box<async_channel::Receiver<()>>>,
    heartbeat: async_io::Timer,
}

impl EventStream {
    pub(super) fn poll_next_frame(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.shared.stopped.load(Ordering::SeqCst) {
            return Poll::Ready(None);
        }
        loop {
            let (version, text) = self.shared.view_for(&self.device);
            if self.seen != Some(version) || self.sent.is_none() {
                self.seen = Some(version);
                if self.sent.as_deref() != Some(text.as_str()) {
                    let frame = format!("data: {text}\n\n");
                    self.sent = Some(text);
                    return Poll::Ready(Some(Ok(Frame::data(Bytes::from(frame)))));
                }
            }
            match self.wakeups.poll_next(cx) {
                Poll::Ready(Some(())) => continue,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => break,
            }
        }
        match self.heartbeat.poll_next(cx) {
            Poll::Ready(_) => Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b": \n\n"))))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        let mut devices = self
            .shared
            .devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(d) = devices.get_mut(&self.device) {
            d.streams = d.streams.saturating_sub(1);
        }
        drop(devices);
        (self.shared.wake)();
    }
}

pub(super) fn events(shared: &Arc<Shared>, query: &str, lang: Lang) -> Response<Out> {
    let device = query_param(query, "device").unwrap_or("");
    if !valid_id(device) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadDevice, lang);
    }
    if let Err((status, msg)) = shared.admit(device) {
        return refuse(status, msg, lang);
    }
    let (tx, rx) = async_channel::bounded(1);
    shared
        .listeners
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(tx);
    if let Some(d) = shared
        .devices
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_mut(device)
    {
        d.streams += 1;
    }
    (shared.wake)();
    let stream = EventStream {
        shared: shared.clone(),
        device: device.to_string(),
        seen: None,
        sent: None,
        wakeups: Box::pin(rx),
        heartbeat: async_io::Timer::interval(shared.limits.heartbeat),
    };
    let mut r = Response::new(Out::Events(Box::new(stream)));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
