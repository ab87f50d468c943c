//! The published state and the devices: what the server's tasks and the game share, the
//! per-device rate limit and the view each device sees.

use hyper::StatusCode;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Instant;

use super::Lang;
use super::ballot::{Proposal, Vote};
use super::limits::Limits;
use super::msg::Msg;

/// What the phones may see, published by the game: one JSON text per team (that team's phones
/// see its own choice and result) and one for a phone that has not joined a team yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    pub teams: Vec<String>,
    pub nobody: String,
}

/// How a connected device stands, for the facilitator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceInfo {
    pub id: String,
    pub team: Option<usize>,
    /// Event streams it holds open now.
    pub streams: usize,
}

pub(super) struct Device {
    pub(super) team: Option<usize>,
    pub(super) tokens: f64,
    pub(super) refilled: Instant,
    pub(super) streams: usize,
}

/// The state shared by the server's tasks and the game.
pub(super) struct Shared {
    pub(super) token: String,
    pub(super) room: String,
    /// `Host` values accepted (the bound address; for loopback also `localhost:port`).
    pub(super) hosts: Vec<String>,
    pub(super) limits: Limits,
    pub(super) published: Mutex<(u64, Published)>,
    pub(super) devices: Mutex<HashMap<String, Device>>,
    /// Devices the facilitator removed: refused until the server restarts.
    pub(super) removed: Mutex<Vec<String>>,
    pub(super) locked: AtomicBool,
    pub(super) lang: AtomicBool,
    pub(super) connections: AtomicUsize,
    /// One sender per open event stream: a message says "look again".
    pub(super) listeners: Mutex<Vec<async_channel::Sender<()>>>,
    pub(super) votes: async_channel::Sender<Vote>,
    pub(super) proposals: async_channel::Sender<Proposal>,
    /// Wakes the game (which otherwise sleeps until input) when a vote or a join arrives.
    pub(super) wake: Box<dyn Fn() + Send + Sync>,
    /// Counts requests that want the game's attention, for tests that drive a headless app.
    pub(super) pokes: (Mutex<u64>, Condvar),
    /// Wrong room codes: a global bucket, so guessing a code is hopeless.
    pub(super) code_tries: Mutex<(f64, Instant)>,
    pub(super) stopped: AtomicBool,
    pub(super) requests: AtomicU64,
}

impl Shared {
    pub(super) fn lang(&self) -> Lang {
        if self.lang.load(Ordering::Relaxed) {
            Lang::En
        } else {
            Lang::Nl
        }
    }

    pub(super) fn poke(&self) {
        {
            let (count, cvar) = &self.pokes;
            *count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
            cvar.notify_all();
        }
        (self.wake)();
    }

    /// Something a device sees changed outside the published state (a device joined a team or
    /// was removed): every stream looks again.
    pub(super) fn bump(&self) {
        self.published
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .0 += 1;
        self.notify_listeners();
    }

    pub(super) fn notify_listeners(&self) {
        let mut list = self
            .listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        list.retain(|tx| !tx.is_closed());
        for tx in list.iter() {
            // A full channel already says "look again".
            let _ = tx.try_send(());
        }
    }

    /// Takes one request from `device`'s bucket; `Err` with the status and message when refused.
    pub(super) fn admit(&self, device: &str) -> Result<(), (StatusCode, Msg)> {
        if self
            .removed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .any(|d| d == device)
        {
            return Err((StatusCode::FORBIDDEN, Msg::Removed));
        }
        let mut devices = self.devices.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if !devices.contains_key(device) {
            if devices.len() >= self.limits.max_devices {
                // Forget devices that hold no stream before refusing a new one.
                devices.retain(|_, d| d.streams > 0 || d.team.is_some());
                if devices.len() >= self.limits.max_devices {
                    return Err((StatusCode::SERVICE_UNAVAILABLE, Msg::TooManyDevices));
                }
            }
            devices.insert(
                device.to_string(),
                Device {
                    team: None,
                    tokens: self.limits.burst,
                    refilled: now,
                    streams: 0,
                },
            );
        }
        let Some(d) = devices.get_mut(device) else {
            return Err((StatusCode::SERVICE_UNAVAILABLE, Msg::TooManyDevices));
        };
        let secs = now.duration_since(d.refilled).as_secs_f64();
        d.tokens = (d.tokens + secs * self.limits.per_second).min(self.limits.burst);
        d.refilled = now;
        if d.tokens < 1.0 {
            return Err((StatusCode::TOO_MANY_REQUESTS, Msg::TooFast));
        }
        d.tokens -= 1.0;
        Ok(())
    }

    pub(super) fn team_of(&self, device: &str) -> Option<usize> {
        self.devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(device)
            .and_then(|d| d.team)
    }

    /// The JSON a device sees now, and the version it belongs to.
    pub(super) fn view_for(&self, device: &str) -> (u64, String) {
        let team = self.team_of(device);
        let p = self
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let text = team
            .and_then(|t| p.1.teams.get(t))
            .unwrap_or(&p.1.nobody)
            .clone();
        (p.0, text)
    }
}
