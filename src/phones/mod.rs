//! The join server for the teams' phones: one small HTTP server, off by default, that serves one
//! self-contained page, sends the game's state to it as Server-Sent Events and passes the teams'
//! votes to the game through a channel.
//!
//! It runs on Bevy's own async I/O the way Bevy's remote HTTP server does: hyper 1 with
//! `smol-hyper`'s adapters, a listener from `async-io`, and tasks on the [`IoTaskPool`] — no second
//! async runtime. The server knows nothing of the session: the game publishes what the phones may
//! see ([`Server::publish`]) and answers each vote ([`Vote::answer`]). Nothing a phone sends is
//! stored: no names, addresses or user agents; the device id a page makes up lives only in memory.
//!
//! Safety: a random 128-bit token in every URL; the `Host` header must name the address the server
//! is bound to and an `Origin` header must be that address (no DNS rebinding, no other site's
//! page); bodies are at most [`Limits::max_body`] bytes of JSON with no unknown fields; each device
//! has a rate limit; connections are capped.

pub mod net;
pub mod page;

use async_io::Async;
use bevy::tasks::futures_lite::{AsyncReadExt, AsyncWriteExt, StreamExt, future};
use bevy::tasks::{IoTaskPool, Task, TaskPool};
use hyper::body::{Body, Bytes, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::{Method, Request, Response, StatusCode};
use serde::{Deserialize, Serialize};
use smol_hyper::rt::{FuturesIo, SmolTimer};
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use crate::deck::Key;

/// What the server accepts; the defaults are what the game uses.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest request body, in bytes.
    pub max_body: usize,
    /// Open connections at once; one more is answered 503 and closed.
    pub max_connections: usize,
    /// Devices known at once (a device is a page that joined or listened).
    pub max_devices: usize,
    /// Requests a device may make in a burst, and how many more it gets each second.
    pub burst: f64,
    pub per_second: f64,
    /// How often an idle event stream gets a comment (keeps it open through Wi-Fi power saving).
    pub heartbeat: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 1024,
            max_connections: 512,
            max_devices: 2048,
            burst: 20.0,
            per_second: 2.0,
            heartbeat: Duration::from_secs(15),
        }
    }
}

/// The language of the server's own messages (the page has both).
pub use crate::lang::Lang;

/// One vote from a phone, on its way to the game. The game applies it (or not) and answers with
/// [`Vote::answer`]; the phone waits for that answer.
#[derive(Debug)]
pub struct Vote {
    /// The page's device id (random, made up by the page, kept in memory only).
    pub device: String,
    /// The vote's own id: the same id again is answered, not applied twice.
    pub id: String,
    pub team: usize,
    pub key: Key,
    /// The round number the page showed (1-based).
    pub round: usize,
    /// When the server received it.
    pub received: Instant,
    reply: async_channel::Sender<Answer>,
}

impl Vote {
    pub fn answer(&self, answer: Answer) {
        // The phone may have gone; then nobody waits for the answer.
        let _ = self.reply.try_send(answer);
    }
}

/// A subgroup's proposal for an agreement, from a phone of its team, on its way to the game
/// (answered with [`Proposal::answer`], like a vote).
#[derive(Debug)]
pub struct Proposal {
    pub device: String,
    /// The proposal's own id: the same id again is answered, not recorded twice.
    pub id: String,
    pub team: usize,
    pub text: String,
    /// The deck value it serves (id).
    pub value: String,
    /// `behaviour`, `ritual`, `hero` or `symbol`.
    pub kind: String,
    /// Checklist questions it meets (0-based).
    pub meets: Vec<usize>,
    reply: async_channel::Sender<Answer>,
}

impl Proposal {
    pub fn answer(&self, answer: Answer) {
        let _ = self.reply.try_send(answer);
    }
}

/// The game's answer to a vote or a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// HTTP status: 200 applied (or already so), 409 not now, 422 no such behaviour.
    pub status: u16,
    pub message: String,
    /// Whether this exact vote was answered before (then nothing was applied now).
    pub repeat: bool,
    /// Whether this answer recorded a `TeamChose` event (not when the choice stood already).
    pub applied: bool,
    /// The number of events in the session after this vote (orders the votes that were applied).
    pub seq: usize,
}

impl Answer {
    pub fn ok(message: impl Into<String>, applied: bool, seq: usize) -> Answer {
        Answer {
            status: 200,
            message: message.into(),
            repeat: false,
            applied,
            seq,
        }
    }

    pub fn refused(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            message: message.into(),
            repeat: false,
            applied: false,
            seq: 0,
        }
    }
}

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

struct Device {
    team: Option<usize>,
    tokens: f64,
    refilled: Instant,
    streams: usize,
}

/// The state shared by the server's tasks and the game.
struct Shared {
    token: String,
    room: String,
    /// `Host` values accepted (the bound address; for loopback also `localhost:port`).
    hosts: Vec<String>,
    limits: Limits,
    published: Mutex<(u64, Published)>,
    devices: Mutex<HashMap<String, Device>>,
    /// Devices the facilitator removed: refused until the server restarts.
    removed: Mutex<Vec<String>>,
    locked: AtomicBool,
    lang: AtomicBool,
    connections: AtomicUsize,
    /// One sender per open event stream: a message says "look again".
    listeners: Mutex<Vec<async_channel::Sender<()>>>,
    votes: async_channel::Sender<Vote>,
    proposals: async_channel::Sender<Proposal>,
    /// Wakes the game (which otherwise sleeps until input) when a vote or a join arrives.
    wake: Box<dyn Fn() + Send + Sync>,
    /// Counts requests that want the game's attention, for tests that drive a headless app.
    pokes: (Mutex<u64>, Condvar),
    /// Wrong room codes: a global bucket, so guessing a code is hopeless.
    code_tries: Mutex<(f64, Instant)>,
    stopped: AtomicBool,
    requests: AtomicU64,
}

impl Shared {
    fn lang(&self) -> Lang {
        if self.lang.load(Ordering::Relaxed) {
            Lang::En
        } else {
            Lang::Nl
        }
    }

    fn poke(&self) {
        {
            let (count, cvar) = &self.pokes;
            *count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
            cvar.notify_all();
        }
        (self.wake)();
    }

    /// Something a device sees changed outside the published state (a device joined a team or
    /// was removed): every stream looks again.
    fn bump(&self) {
        self.published
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .0 += 1;
        self.notify_listeners();
    }

    fn notify_listeners(&self) {
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
    fn admit(&self, device: &str) -> Result<(), (StatusCode, Msg)> {
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

    fn team_of(&self, device: &str) -> Option<usize> {
        self.devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(device)
            .and_then(|d| d.team)
    }

    /// The JSON a device sees now, and the version it belongs to.
    fn view_for(&self, device: &str) -> (u64, String) {
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

const CODE_BURST: f64 = 20.0;
/// A room code: six letters and digits that cannot be mistaken for each other.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

fn random_token() -> String {
    let n: u128 = rand::random();
    format!("{n:032x}")
}

fn random_room_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..6)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Compares without stopping at the first difference (the token is a secret).
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

async fn accept_loop(
    listener: Async<TcpListener>,
    shared: Arc<Shared>,
    stop: async_channel::Receiver<()>,
) {
    loop {
        let next = future::or(async { Some(listener.accept().await) }, async {
            let _ = stop.recv().await;
            None
        })
        .await;
        let Some(accepted) = next else { break };
        let Ok((client, _)) = accepted else {
            // A failed accept (e.g. too many open files) must not end the server; try again
            // after a moment.
            async_io::Timer::after(Duration::from_millis(50)).await;
            continue;
        };
        let open = shared.connections.fetch_add(1, Ordering::SeqCst) + 1;
        let shared = shared.clone();
        let stop = stop.clone();
        IoTaskPool::get()
            .spawn(async move {
                if open > shared.limits.max_connections {
                    refuse_connection(client, shared.lang()).await;
                } else {
                    serve(client, shared.clone(), stop).await;
                }
                shared.connections.fetch_sub(1, Ordering::SeqCst);
            })
            .detach();
    }
    // The listener is dropped here: the socket is closed.
}

/// One connection too many: a short 503, then close. What the client sent is read and dropped
/// (for at most two seconds) so that closing does not reset the connection before the answer is
/// read.
async fn refuse_connection(mut client: Async<TcpStream>, lang: Lang) {
    let msg = Msg::TooManyConnections.text(lang);
    let body = error_json(msg);
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\nretry-after: 5\r\n\r\n",
        body.len()
    );
    let answer = async {
        let _ = client.write_all(head.as_bytes()).await;
        let _ = client.write_all(body.as_bytes()).await;
        let _ = client.flush().await;
        let _ = client.get_ref().shutdown(std::net::Shutdown::Write);
        let mut buf = [0u8; 1024];
        let mut read = 0usize;
        while read < 64 * 1024 {
            match client.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => read += n,
            }
        }
    };
    future::or(answer, async {
        async_io::Timer::after(Duration::from_secs(2)).await;
    })
    .await;
}

async fn serve(client: Async<TcpStream>, shared: Arc<Shared>, stop: async_channel::Receiver<()>) {
    let service = hyper::service::service_fn(move |req| {
        let shared = shared.clone();
        async move { Ok::<_, Infallible>(handle(req, shared).await) }
    });
    let conn = http1::Builder::new()
        .timer(SmolTimer::new())
        .header_read_timeout(Duration::from_secs(10))
        .max_buf_size(16 * 1024)
        .serve_connection(FuturesIo::new(client), service);
    future::or(
        async {
            let _ = conn.await;
        },
        async {
            let _ = stop.recv().await;
        },
    )
    .await;
}

/// The server's own messages, in the session's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    NotFound,
    WrongToken,
    ForeignHost,
    ForeignOrigin,
    Method,
    TooLarge,
    BadJson,
    BadDevice,
    BadVoteId,
    TooFast,
    TooManyDevices,
    TooManyConnections,
    Locked,
    NoSuchTeam,
    NoTeam,
    Joined,
    Removed,
    WrongCode,
    TooManyCodes,
    GameGone,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Msg::NotFound => ("Deze pagina bestaat niet.", "There is no such page."),
            Msg::WrongToken => (
                "Deze link hoort niet bij het spel dat nu loopt. Scan de QR-code opnieuw.",
                "This link does not belong to the game now running. Scan the QR code again.",
            ),
            Msg::ForeignHost => (
                "Verkeerd adres: open de link van de QR-code.",
                "Wrong address: open the link of the QR code.",
            ),
            Msg::ForeignOrigin => (
                "Verzoeken van een andere website worden geweigerd.",
                "Requests from another website are refused.",
            ),
            Msg::Method => (
                "Deze methode kan hier niet.",
                "This method is not allowed here.",
            ),
            Msg::TooLarge => (
                "Het verzoek is te groot (hoogstens 1 KiB).",
                "The request is too large (1 KiB at most).",
            ),
            Msg::BadJson => (
                "Het verzoek is geen geldige JSON met de verwachte velden.",
                "The request is not valid JSON with the expected fields.",
            ),
            Msg::BadDevice => (
                "Ongeldige apparaatcode: herlaad de pagina.",
                "Invalid device id: reload the page.",
            ),
            Msg::BadVoteId => ("Ongeldige stemcode.", "Invalid vote id."),
            Msg::TooFast => (
                "Te veel verzoeken van dit apparaat; wacht even.",
                "Too many requests from this device; wait a moment.",
            ),
            Msg::TooManyDevices => (
                "Er zijn te veel apparaten verbonden.",
                "Too many devices are connected.",
            ),
            Msg::TooManyConnections => (
                "Te veel verbindingen tegelijk; probeer het zo opnieuw.",
                "Too many connections at once; try again shortly.",
            ),
            Msg::Locked => (
                "Meedoen is gesloten; vraag de spelleider.",
                "Joining is closed; ask the facilitator.",
            ),
            Msg::NoSuchTeam => ("Dit team bestaat niet.", "There is no such team."),
            Msg::NoTeam => ("Kies eerst je team.", "Choose your team first."),
            Msg::Joined => ("Je doet mee.", "You have joined."),
            Msg::Removed => (
                "De spelleider heeft dit apparaat verwijderd.",
                "The facilitator removed this device.",
            ),
            Msg::WrongCode => (
                "Onbekende kamercode. Kijk nog eens op het scherm.",
                "Unknown room code. Look at the screen again.",
            ),
            Msg::TooManyCodes => (
                "Te veel verkeerde codes; wacht een minuut.",
                "Too many wrong codes; wait a minute.",
            ),
            Msg::GameGone => (
                "Het spel antwoordt niet; probeer het opnieuw.",
                "The game does not answer; try again.",
            ),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

fn error_json(msg: &str) -> String {
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
    fn poll_next_frame(
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

fn respond(
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

fn json(status: StatusCode, value: serde_json::Value) -> Response<Out> {
    respond(status, "application/json; charset=utf-8", value.to_string())
}

fn refuse(status: StatusCode, msg: Msg, lang: Lang) -> Response<Out> {
    respond(
        status,
        "application/json; charset=utf-8",
        error_json(msg.text(lang)),
    )
}

fn html(body: String, csp: &str) -> Response<Out> {
    let mut r = respond(StatusCode::OK, "text/html; charset=utf-8", body);
    if let Ok(v) = HeaderValue::from_str(csp) {
        r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r.headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

/// A device id or vote id as a page makes them: 8 to 64 letters, digits, `-` or `_`.
fn valid_id(s: &str) -> bool {
    (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    device: String,
    team: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteBody {
    device: String,
    vote: String,
    key: String,
    round: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProposeBody {
    device: String,
    proposal: String,
    text: String,
    value: String,
    kind: String,
    #[serde(default)]
    meets: Vec<usize>,
}

/// Reads a body of at most `max` bytes; `None` when it is larger.
async fn read_body(req: Request<Incoming>, max: usize) -> Option<Vec<u8>> {
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

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

async fn handle(req: Request<Incoming>, shared: Arc<Shared>) -> Response<Out> {
    shared.requests.fetch_add(1, Ordering::Relaxed);
    let lang = shared.lang();
    // The Host must be the address the phones were given (no DNS rebinding).
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !shared.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return refuse(StatusCode::MISDIRECTED_REQUEST, Msg::ForeignHost, lang);
    }
    // A page of another site may not send requests here.
    if let Some(origin) = req.headers().get(header::ORIGIN) {
        let ok = origin.to_str().ok().is_some_and(|o| {
            shared
                .hosts
                .iter()
                .any(|h| o.eq_ignore_ascii_case(&format!("http://{h}")))
        });
        if !ok {
            return refuse(StatusCode::FORBIDDEN, Msg::ForeignOrigin, lang);
        }
    }
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        [""] => {
            if req.method() != Method::GET {
                return refuse(StatusCode::METHOD_NOT_ALLOWED, Msg::Method, lang);
            }
            let p = page::room_page(lang, None);
            html(p.html, &p.csp)
        }
        ["r"] => {
            if req.method() != Method::GET {
                return refuse(StatusCode::METHOD_NOT_ALLOWED, Msg::Method, lang);
            }
            room_code(&shared, &query, lang)
        }
        ["j", token, rest @ ..] => {
            if !same_secret(token, &shared.token) {
                return refuse(StatusCode::FORBIDDEN, Msg::WrongToken, lang);
            }
            match (req.method().clone(), rest) {
                (Method::GET, []) => {
                    let p = page::phone_page();
                    html(p.html, &p.csp)
                }
                (Method::GET, ["events"]) => events(&shared, &query, lang),
                (Method::POST, ["join"]) => join(req, &shared, lang).await,
                (Method::POST, ["vote"]) => vote(req, &shared, lang).await,
                (Method::POST, ["propose"]) => propose(req, &shared, lang).await,
                (_, [] | ["events"] | ["join"] | ["vote"] | ["propose"]) => {
                    refuse(StatusCode::METHOD_NOT_ALLOWED, Msg::Method, lang)
                }
                _ => refuse(StatusCode::NOT_FOUND, Msg::NotFound, lang),
            }
        }
        _ => refuse(StatusCode::NOT_FOUND, Msg::NotFound, lang),
    }
}

fn room_code(shared: &Shared, query: &str, lang: Lang) -> Response<Out> {
    let typed: String = query_param(query, "code")
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .take(16)
        .collect();
    {
        let mut tries = shared
            .code_tries
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        tries.0 = (tries.0 + now.duration_since(tries.1).as_secs_f64() / 3.0).min(CODE_BURST);
        tries.1 = now;
        if tries.0 < 1.0 {
            return refuse(StatusCode::TOO_MANY_REQUESTS, Msg::TooManyCodes, lang);
        }
        if !same_secret(&typed, &shared.room) {
            tries.0 -= 1.0;
            let p = page::room_page(lang, Some(Msg::WrongCode.text(lang)));
            let mut r = html(p.html, &p.csp);
            *r.status_mut() = StatusCode::NOT_FOUND;
            return r;
        }
    }
    let mut r = respond(StatusCode::SEE_OTHER, "text/plain; charset=utf-8", "");
    if let Ok(v) = HeaderValue::from_str(&format!("/j/{}", shared.token)) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

fn events(shared: &Arc<Shared>, query: &str, lang: Lang) -> Response<Out> {
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

async fn join(req: Request<Incoming>, shared: &Arc<Shared>, lang: Lang) -> Response<Out> {
    let Some(bytes) = read_body(req, shared.limits.max_body).await else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, Msg::TooLarge, lang);
    };
    let Ok(body) = serde_json::from_slice::<JoinBody>(&bytes) else {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadJson, lang);
    };
    if !valid_id(&body.device) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadDevice, lang);
    }
    if let Err((status, msg)) = shared.admit(&body.device) {
        return refuse(status, msg, lang);
    }
    let teams = shared
        .published
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .1
        .teams
        .len();
    if body.team >= teams {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, Msg::NoSuchTeam, lang);
    }
    {
        let mut devices = shared
            .devices
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(d) = devices.get_mut(&body.device) else {
            return refuse(StatusCode::SERVICE_UNAVAILABLE, Msg::TooManyDevices, lang);
        };
        if d.team != Some(body.team) {
            // A phone that is already in a team may switch; a new one may not join when locked.
            if d.team.is_none() && shared.locked.load(Ordering::Relaxed) {
                return refuse(StatusCode::FORBIDDEN, Msg::Locked, lang);
            }
            d.team = Some(body.team);
        }
    }
    shared.bump();
    shared.poke();
    json(
        StatusCode::OK,
        serde_json::json!({ "ok": true, "message": Msg::Joined.text(lang), "team": body.team }),
    )
}

async fn vote(req: Request<Incoming>, shared: &Arc<Shared>, lang: Lang) -> Response<Out> {
    let received = Instant::now();
    let Some(bytes) = read_body(req, shared.limits.max_body).await else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, Msg::TooLarge, lang);
    };
    let Ok(body) = serde_json::from_slice::<VoteBody>(&bytes) else {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadJson, lang);
    };
    if !valid_id(&body.device) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadDevice, lang);
    }
    if !valid_id(&body.vote) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadVoteId, lang);
    }
    if let Err((status, msg)) = shared.admit(&body.device) {
        return refuse(status, msg, lang);
    }
    let Some(team) = shared.team_of(&body.device) else {
        return refuse(StatusCode::CONFLICT, Msg::NoTeam, lang);
    };
    let mut letters = body.key.chars();
    let key = match (letters.next(), letters.next()) {
        (Some(c), None) => Key::from_letter(c),
        _ => None,
    };
    let Some(key) = key else {
        let text = match lang {
            Lang::Nl => format!(
                "Er is geen gedrag \"{}\".",
                body.key.chars().take(8).collect::<String>()
            ),
            Lang::En => format!(
                "There is no behaviour \"{}\".",
                body.key.chars().take(8).collect::<String>()
            ),
        };
        return json(
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::json!({ "ok": false, "message": text }),
        );
    };
    let (tx, rx) = async_channel::bounded(1);
    let v = Vote {
        device: body.device,
        id: body.vote,
        team,
        key,
        round: body.round,
        received,
        reply: tx,
    };
    if shared.votes.try_send(v).is_err() {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, Msg::GameGone, lang);
    }
    shared.poke();
    answer_of(rx, lang).await
}

async fn propose(req: Request<Incoming>, shared: &Arc<Shared>, lang: Lang) -> Response<Out> {
    let Some(bytes) = read_body(req, shared.limits.max_body).await else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, Msg::TooLarge, lang);
    };
    let Ok(body) = serde_json::from_slice::<ProposeBody>(&bytes) else {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadJson, lang);
    };
    if !valid_id(&body.device) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadDevice, lang);
    }
    if !valid_id(&body.proposal) || body.meets.len() > 32 {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadJson, lang);
    }
    if let Err((status, msg)) = shared.admit(&body.device) {
        return refuse(status, msg, lang);
    }
    let Some(team) = shared.team_of(&body.device) else {
        return refuse(StatusCode::CONFLICT, Msg::NoTeam, lang);
    };
    let (tx, rx) = async_channel::bounded(1);
    let p = Proposal {
        device: body.device,
        id: body.proposal,
        team,
        text: body.text,
        value: body.value,
        kind: body.kind,
        meets: body.meets,
        reply: tx,
    };
    if shared.proposals.try_send(p).is_err() {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, Msg::GameGone, lang);
    }
    shared.poke();
    answer_of(rx, lang).await
}

/// Waits (at most 20 seconds) for the game's answer and sends it.
async fn answer_of(rx: async_channel::Receiver<Answer>, lang: Lang) -> Response<Out> {
    let answer = future::or(async { rx.recv().await.ok() }, async {
        async_io::Timer::after(Duration::from_secs(20)).await;
        None
    })
    .await;
    match answer {
        Some(a) => json(
            StatusCode::from_u16(a.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            serde_json::json!({
                "ok": a.status == 200,
                "message": a.message,
                "repeat": a.repeat,
                "applied": a.applied && !a.repeat,
                "seq": a.seq,
            }),
        ),
        None => refuse(StatusCode::SERVICE_UNAVAILABLE, Msg::GameGone, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_secrets() {
        assert!(valid_id("abcdef12"));
        assert!(!valid_id("short"));
        assert!(!valid_id("has space 123"));
        assert!(!valid_id(&"x".repeat(65)));
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        let t = random_token();
        assert_eq!(t.len(), 32);
        assert_ne!(t, random_token(), "128 random bits");
        let c = random_room_code();
        assert_eq!(c.len(), 6);
        assert!(c.bytes().all(|b| CODE_ALPHABET.contains(&b)));
    }

    #[test]
    fn never_on_all_interfaces() {
        let addr: SocketAddr = "0.0.0.0:0".parse().unwrap();
        assert!(matches!(
            Server::start(addr, Limits::default(), Box::new(|| {})),
            Err(StartError::Unspecified(_))
        ));
        let addr: SocketAddr = "[::]:0".parse().unwrap();
        assert!(Server::start(addr, Limits::default(), Box::new(|| {})).is_err());
    }

    #[test]
    fn query_params() {
        assert_eq!(query_param("a=1&device=xyz", "device"), Some("xyz"));
        assert_eq!(query_param("", "device"), None);
    }
}
