//! The Server-Sent Events stream: each device's view whenever it changes, a comment now and then.
//! The route that opens one is `routes.rs`; the response body that carries it is `response.rs`.

use bevy::tasks::futures_lite::StreamExt;
use hyper::body::{Bytes, Frame};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};
use std::task::{Context, Poll};

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
    /// Opens a stream for `device` (admitted already): it listens for changes, and the device
    /// counts one more open stream until the stream is dropped.
    pub(super) fn open(shared: &Arc<Shared>, device: &str) -> EventStream {
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
        EventStream {
            shared: shared.clone(),
            device: device.to_string(),
            seen: None,
            sent: None,
            wakeups: Box::pin(rx),
            heartbeat: async_io::Timer::interval(shared.limits.heartbeat),
        }
    }

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
