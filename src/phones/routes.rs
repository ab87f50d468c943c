//! Routing: the Host and Origin checks, the pages, the room code, joining a team and opening the
//! event stream.

use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};
use std::time::Instant;

use super::Lang;
use super::events::EventStream;
use super::msg::Msg;
use super::page;
use super::request::{query_param, read_body, valid_id};
use super::response::{Out, html, json, refuse, respond};
use super::secret::{CODE_BURST, same_secret};
use super::shared::Shared;
use super::votes::{propose, vote};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    device: String,
    team: usize,
}

pub(super) async fn handle(req: Request<Incoming>, shared: Arc<Shared>) -> Response<Out> {
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

/// Opens the device's event stream (`?device=…`).
fn events(shared: &Arc<Shared>, query: &str, lang: Lang) -> Response<Out> {
    let device = query_param(query, "device").unwrap_or("");
    if !valid_id(device) {
        return refuse(StatusCode::BAD_REQUEST, Msg::BadDevice, lang);
    }
    if let Err((status, msg)) = shared.admit(device) {
        return refuse(status, msg, lang);
    }
    let stream = EventStream::open(shared, device);
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
