//! What the server accepts: body size, connections, devices, rate limits, heartbeat.

use std::time::Duration;

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
