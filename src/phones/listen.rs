//! The listener: accepts connections, caps how many are open and serves each with hyper.

use async_io::Async;
use bevy::tasks::IoTaskPool;
use bevy::tasks::futures_lite::{AsyncReadExt, AsyncWriteExt, future};
use hyper::server::conn::http1;
use smol_hyper::rt::{FuturesIo, SmolTimer};
use std::convert::Infallible;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::Lang;
use super::msg::Msg;
use super::response::error_json;
use super::routes::handle;
use super::shared::Shared;

pub(super) async fn accept_loop(
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
