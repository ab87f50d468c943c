//! The server as the game holds it: start, publish, read votes and proposals, manage devices,
//! stop.

use async_io::Async;
use bevy::tasks::futures_lite::future;
use bevy::tasks::{IoTaskPool, Task, TaskPool};
use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::Lang;
use super::ballot::{Proposal, Vote};
use super::limits::Limits;
use super::listen::accept_loop;
use super::secret::{CODE_BURST, random_room_code, random_token};
use super::shared::{DeviceInfo, Published, Shared};

/// A running join server. Dropping it (or [`Server::stop`]) closes the listening socket and
/// every connection.
pub struct Server {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<async_channel::Sender<()>>,
    accept: Option<Task<()>>,
    votes: async_channel::Receiver<Vote>,
    proposals: async_channel::Receiver<Proposal>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0} is not an address of this computer in a room's network (never all interfaces)")]
    Unspecified(SocketAddr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

impl Server {
    /// Starts listening on `addr` (port 0: any free port) on the [`IoTaskPool`]. `wake` is called
    /// whenever a vote or a join wants the game's attention.
    pub fn start(
        addr: SocketAddr,
        limits: Limits,
        wake: Box<dyn Fn() + Send + Sync>,
    ) -> Result<Server, StartError> {
        if addr.ip().is_unspecified() {
            return Err(StartError::Unspecified(addr));
        }
        let listener =
            Async::<TcpListener>::bind(addr).map_err(|source| StartError::Bind { addr, source })?;
        let addr = listener
            .get_ref()
            .local_addr()
            .map_err(|source| StartError::Bind { addr, source })?;
        let mut hosts = vec![addr.to_string()];
        if addr.ip().is_loopback() {
            hosts.push(format!("localhost:{}", addr.port()));
        }
        let (votes_tx, votes_rx) = async_channel::unbounded();
        let (proposals_tx, proposals_rx) = async_channel::unbounded();
        let (stop_tx, stop_rx) = async_channel::bounded::<()>(1);
        let shared = Arc::new(Shared {
            token: random_token(),
            room: random_room_code(),
            hosts,
            limits,
            published: Mutex::new((1, Published::default())),
            devices: Mutex::new(HashMap::new()),
            removed: Mutex::new(Vec::new()),
            locked: AtomicBool::new(false),
            lang: AtomicBool::new(false),
            connections: AtomicUsize::new(0),
            listeners: Mutex::new(Vec::new()),
            votes: votes_tx,
            proposals: proposals_tx,
            wake,
            pokes: (Mutex::new(0), Condvar::new()),
            code_tries: Mutex::new((CODE_BURST, Instant::now())),
            stopped: AtomicBool::new(false),
            requests: AtomicU64::new(0),
        });
        let pool = IoTaskPool::get_or_init(TaskPool::default);
        let accept = pool.spawn(accept_loop(listener, shared.clone(), stop_rx));
        Ok(Server {
            shared,
            addr,
            stop: Some(stop_tx),
            accept: Some(accept),
            votes: votes_rx,
            proposals: proposals_rx,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL a phone opens (the QR code's content).
    pub fn join_url(&self) -> String {
        format!("http://{}/j/{}", self.addr, self.shared.token)
    }

    /// The address to type, without the token (the page there asks for the room code).
    pub fn short_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The short room code for people who type the address.
    pub fn room_code(&self) -> &str {
        &self.shared.room
    }

    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// Votes that arrived since the last call, oldest first.
    pub fn take_votes(&self) -> Vec<Vote> {
        let mut out = Vec::new();
        while let Ok(v) = self.votes.try_recv() {
            out.push(v);
        }
        out
    }

    /// Proposals that arrived since the last call, oldest first.
    pub fn take_proposals(&self) -> Vec<Proposal> {
        let mut out = Vec::new();
        while let Ok(p) = self.proposals.try_recv() {
            out.push(p);
        }
        out
    }

    /// Publishes what the phones may see; open event streams get it when it differs.
    pub fn publish(&self, published: Published, lang: Lang) {
        self.shared.lang.store(lang == Lang::En, Ordering::Relaxed);
        {
            let mut p = self
                .shared
                .published
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if p.1 == published {
                return;
            }
            p.0 += 1;
            p.1 = published;
        }
        self.shared.notify_listeners();
    }

    /// No new phones may join (the ones that joined keep voting).
    pub fn set_locked(&self, locked: bool) {
        self.shared.locked.store(locked, Ordering::Relaxed);
    }

    pub fn locked(&self) -> bool {
        self.shared.locked.load(Ordering::Relaxed)
    }

    /// The devices that joined a team or hold an event stream.
    pub fn devices(&self) -> Vec<DeviceInfo> {
        let devices = self
            .shared
            .devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut out: Vec<DeviceInfo> = devices
            .iter()
            .filter(|(_, d)| d.team.is_some() || d.streams > 0)
            .map(|(id, d)| DeviceInfo {
                id: id.clone(),
                team: d.team,
                streams: d.streams,
            })
            .collect();
        out.sort_by(|a, b| (a.team, &a.id).cmp(&(b.team, &b.id)));
        out
    }

    /// Phones per team that hold an event stream now.
    pub fn connected_per_team(&self, teams: usize) -> Vec<usize> {
        let mut out = vec![0; teams];
        for d in self.devices() {
            if d.streams > 0
                && let Some(slot) = d.team.and_then(|t| out.get_mut(t))
            {
                *slot += 1;
            }
        }
        out
    }

    /// Removes a device: it is refused from now on (until the server restarts).
    pub fn remove_device(&self, id: &str) {
        self.shared
            .devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(id);
        self.shared
            .removed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(id.to_string());
        self.shared.bump();
    }

    /// Open connections now.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Requests answered or refused so far (for the facilitator's "no phone yet" hint).
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::Relaxed)
    }

    /// How many requests so far wanted the game's attention.
    pub fn pokes(&self) -> u64 {
        *self
            .shared
            .pokes
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Blocks until more than `seen` requests wanted the game's attention or `timeout` passed
    /// (what a headless test or bench waits on between updates instead of guessing).
    pub fn wait_for_more_than(&self, seen: u64, timeout: Duration) -> u64 {
        let (count, cvar) = &self.shared.pokes;
        let count = count.lock().unwrap_or_else(PoisonError::into_inner);
        let (count, _) = cvar
            .wait_timeout_while(count, timeout, |n| *n <= seen)
            .unwrap_or_else(PoisonError::into_inner);
        *count
    }

    /// Closes the listening socket and every connection, and waits until the socket is closed.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        // Dropping the sender closes the channel: every connection's task sees it and ends.
        self.stop.take();
        if let Some(task) = self.accept.take() {
            // Cancelling ends the accept loop and drops the listener; bounded, so that closing the
            // game never hangs on it.
            future::block_on(future::or(
                async {
                    task.cancel().await;
                },
                async {
                    async_io::Timer::after(Duration::from_secs(2)).await;
                },
            ));
        }
        self.shared.notify_listeners();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}
