//! The routes that take a vote or a proposal: read and check what a phone sends, pass it to the
//! game (as a [`Vote`] or a [`Proposal`], `ballot.rs`) and wait for the game's answer.

use bevy::tasks::futures_lite::future;
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Lang;
use super::ballot::{Answer, Proposal, Vote};
use super::msg::Msg;
use super::request::{read_body, valid_id};
use super::response::{Out, json, refuse};
use super::shared::Shared;
use crate::deck::Key;

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

pub(super) async fn vote(
    req: Request<Incoming>,
    shared: &Arc<Shared>,
    lang: Lang,
) -> Response<Out> {
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

pub(super) async fn propose(
    req: Request<Incoming>,
    shared: &Arc<Shared>,
    lang: Lang,
) -> Response<Out> {
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
