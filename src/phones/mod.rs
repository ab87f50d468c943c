//! The join server for the teams' phones: one small HTTP server, off by default, that serves one
//! self-contained page, sends the game's state to it as Server-Sent Events and passes the teams'
//! votes to the game through a channel.
//!
//! It runs on Bevy's own async I/O the way Bevy's remote HTTP server does: hyper 1 with
//! `smol-hyper`'s adapters, a listener from `async-io`, and tasks on the
//! [`IoTaskPool`](bevy::tasks::IoTaskPool) — no second async runtime. The server knows nothing of
//! the session: the game publishes what the phones may see ([`Server::publish`]) and answers each
//! vote ([`Vote::answer`]). Nothing a phone sends is stored: no names, addresses or user agents;
//! the device id a page makes up lives only in memory.
//!
//! Safety: a random 128-bit token in every URL; the `Host` header must name the address the server
//! is bound to and an `Origin` header must be that address (no DNS rebinding, no other site's
//! page); bodies are at most [`Limits::max_body`] bytes of JSON with no unknown fields; each device
//! has a rate limit; connections are capped.
//!
//! Where things are: `server` (what the game holds: start, publish, take votes, devices, stop),
//! `shared` (the state the tasks and the game share: published views, devices, rate limits),
//! `listen` (accept loop and connection cap), `routes` (Host/Origin checks, pages, room code,
//! joining, opening the event stream), `events` (the Server-Sent Events stream), `ballot` (votes,
//! proposals and the game's answer), `votes` (the routes that take votes and proposals), `request`
//! and `response` (reading bodies and ids; answers and their headers), `secret`
//! (token and room code), `limits`, `msg` (the server's messages in both languages), `page` (the
//! pages) and `net` (the addresses it may listen on).

mod ballot;
mod events;
mod limits;
mod listen;
mod msg;
pub mod net;
pub mod page;
mod request;
mod response;
mod routes;
mod secret;
mod server;
mod shared;
mod votes;

/// The language of the server's own messages (the page has both).
pub use crate::lang::Lang;
pub use ballot::{Answer, Proposal, Vote};
pub use events::EventStream;
pub use limits::Limits;
pub use msg::Msg;
pub use response::Out;
pub use server::{Server, StartError};
pub use shared::{DeviceInfo, Published};

#[cfg(test)]
mod tests {
    use super::request::{query_param, valid_id};
    use super::secret::{CODE_ALPHABET, random_room_code, random_token, same_secret};
    use super::*;
    use std::net::SocketAddr;

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
