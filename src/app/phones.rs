//! The teams' phones in the game: turning the join server ([`crate::phones`]) on and off, votes
//! becoming the same `TeamChose` event the keyboard makes, what the phones may see, the QR code on
//! the projector and the facilitator's view of the connected phones.
//!
//! Off by default. `--phones` starts it on this computer's first suitable address, `--phones-bind
//! ADDR:PORT` exactly there; the facilitator turns it on and off with Q or the button in the
//! phones window. The join URL is printed on standard output when the server starts.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, PrimaryEguiContext, egui};
use serde::Serialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::GameSystems;
use super::action::Action;
pub use super::action::PhonesAction;
use super::draft::{Draft, PALETTE};
use super::facilitator::{FacilitatorPass, Layout};
use super::i18n::{Key, Lang, UiLang};
use super::input::TextFocus;
use super::nav::{Phase, Screen};
use super::session_link::{self, Live};
use super::state::{Notices, Prefs, SetupDraft};
use super::theme;
use crate::lang::phones::PhoneText;
use crate::phones::net::{self, Interface};
use crate::phones::{Answer, Limits, Proposal, Published, Server, Vote};
use crate::session;

/// Where the server listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bind {
    /// The first suitable address of this computer (real adapters before virtual and VPN ones).
    Auto,
    /// Exactly this address (tests use `127.0.0.1:0`).
    Exact(SocketAddr),
}

/// How the game starts the server: off unless the command line says otherwise.
#[derive(Resource, Debug, Clone, Default)]
pub struct PhonesConfig {
    pub start: Option<Bind>,
    pub limits: Limits,
}

/// The join server while it runs, and what the facilitator needs to see of it.
#[derive(Resource, Default)]
pub struct Phones {
    pub server: Option<Server>,
    /// The addresses offered, real adapters first.
    pub interfaces: Vec<Interface>,
    /// Which of them to listen on.
    pub chosen: usize,
    /// The exact address from `--phones-bind`, which wins over the interface list.
    pub exact: Option<SocketAddr>,
    /// Why the server could not start.
    pub error: Option<String>,
    /// When the server started (for the "no phone yet" hint).
    pub started: Option<Instant>,
    /// Whether any phone has connected since the server started.
    pub seen_phone: bool,
    /// Whether the projector shows the join card (from the start until the facilitator hides it).
    pub show_qr: bool,
    /// The answers to the votes applied in the current round, by the vote's id: a repeat is
    /// answered the same, never applied twice.
    answered: HashMap<String, Answer>,
    answered_round: Option<(usize, usize)>,
    /// The answers to the proposals recorded, by the proposal's id.
    proposed: HashMap<String, Answer>,
    /// The QR code of the join URL: (URL, modules per side, dark modules).
    qr: Option<(String, usize, Vec<bool>)>,
    /// Wakes the reactive app when a phone sends something.
    wake: Option<Arc<dyn Fn() + Send + Sync>>,
    /// What the server accepts (tests make the caps small).
    pub limits: Limits,
}

impl Phones {
    pub fn running(&self) -> bool {
        self.server.is_some()
    }

    /// The join URL while the server runs.
    pub fn join_url(&self) -> Option<String> {
        self.server.as_ref().map(Server::join_url)
    }

    /// The address to listen on now.
    fn bind_addr(&mut self) -> Option<SocketAddr> {
        if let Some(a) = self.exact {
            return Some(a);
        }
        if self.interfaces.is_empty() {
            self.interfaces = net::interfaces();
        }
        self.interfaces
            .get(self.chosen)
            .map(|i| net::bind_addr(i.ip))
    }

    /// Starts the server; prints the join URL on standard output (why not on standard error).
    pub fn start(&mut self, lang: Lang) {
        self.stop();
        let Some(addr) = self.bind_addr() else {
            let e = PhoneText::NoAddress.tr(lang);
            eprintln!("{e}");
            self.error = Some(e.into());
            return;
        };
        let wake = self.wake.clone();
        let wake: Box<dyn Fn() + Send + Sync> = Box::new(move || {
            if let Some(w) = &wake {
                w();
            }
        });
        let mut result = Server::start(addr, self.limits.clone(), wake);
        // The default port may be taken (a second game, another program): any free port then.
        if result.is_err() && self.exact.is_none() {
            let wake = self.wake.clone();
            result = Server::start(
                SocketAddr::new(addr.ip(), 0),
                self.limits.clone(),
                Box::new(move || {
                    if let Some(w) = &wake {
                        w();
                    }
                }),
            );
        }
        match result {
            Ok(server) => {
                let url = server.join_url();
                println!("{url}");
                info!("telefoons: {url}");
                self.qr = qr_modules(&url).map(|(w, m)| (url, w, m));
                self.server = Some(server);
                self.error = None;
                self.started = Some(Instant::now());
                self.seen_phone = false;
                self.show_qr = true;
            }
            Err(e) => {
                let e = format!("{} ({e})", PhoneText::CannotListen.tr(lang));
                eprintln!("{e}");
                self.error = Some(e);
            }
        }
    }

    /// Closes the socket and every connection.
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
        self.started = None;
        self.qr = None;
    }

    /// The QR code of the join URL: (modules per side, dark modules row by row).
    pub fn qr(&self) -> Option<(&str, usize, &[bool])> {
        self.qr
            .as_ref()
            .map(|(u, w, m)| (u.as_str(), *w, m.as_slice()))
    }
}

/// The modules of a QR code for `text`.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, modules))
}

/// An RGBA picture of a QR code: `scale` pixels a module and the quiet zone of four modules.
pub fn qr_image(width: usize, modules: &[bool], scale: usize) -> (usize, Vec<u8>) {
    let side = (width + 8) * scale;
    let mut rgba = vec![255u8; side * side * 4];
    for y in 0..width {
        for x in 0..width {
            if modules[y * width + x] {
                for dy in 0..scale {
                    for dx in 0..scale {
                        let px = ((y + 4) * scale + dy) * side + (x + 4) * scale + dx;
                        rgba[px * 4..px * 4 + 3].fill(0);
                    }
                }
            }
        }
    }
    (side, rgba)
}

/// The scenario of the current round as plain text, for a chat or a break-out room's broadcast
/// message: round, title, setting, situation, the behaviours and the debrief questions.
pub fn scenario_text(live: &Live, lang: Lang) -> Option<String> {
    use super::i18n::{T, tr};
    let s = live.session()?;
    let sc = s.current_scenario()?;
    let folded = live.fold();
    let mut out = format!(
        "{} {} {} {}: {}\n",
        tr(lang, T::Round),
        folded.round + 1,
        tr(lang, T::Of),
        live.rounds(),
        sc.title
    );
    if !sc.setting.trim().is_empty() {
        out.push_str(&format!("{}\n", sc.setting.trim()));
    }
    out.push_str(&format!(
        "\n{}\n\n{}\n",
        sc.situation.trim(),
        tr(lang, T::Behaviours)
    ));
    for b in &sc.behaviours {
        out.push_str(&format!("{}. {}\n", b.key, b.text.trim()));
    }
    if !sc.debrief.is_empty() {
        out.push_str(&format!("\n{}:\n", tr(lang, T::Debrief)));
        for q in &sc.debrief {
            out.push_str(&format!("- {}\n", q.trim()));
        }
    }
    Some(out)
}

/// The key that turns the phones on and off (when no text field has the keyboard).
pub const TOGGLE_KEY: KeyCode = KeyCode::KeyQ;

fn phone_keys(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<TextFocus>,
    mut out: MessageWriter<Action>,
) {
    let ctrl = keys.any_pressed([
        KeyCode::ControlLeft,
        KeyCode::ControlRight,
        KeyCode::SuperLeft,
        KeyCode::SuperRight,
    ]);
    if !focus.0 && !ctrl && keys.just_pressed(TOGGLE_KEY) {
        out.write(Action::Phones(PhonesAction::Toggle));
    }
}

/// Starts the server when the command line asked for it, and learns how to wake the app.
fn start_configured(
    config: Res<PhonesConfig>,
    mut phones: ResMut<Phones>,
    lang: Res<UiLang>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    if let Some(proxy) = proxy {
        let proxy = Mutex::new((**proxy).clone());
        phones.wake = Some(Arc::new(move || {
            if let Ok(p) = proxy.lock() {
                // Fails only when the app is closing.
                let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        }));
    }
    phones.limits = config.limits.clone();
    // Listed once, so the facilitator can choose before turning the phones on.
    phones.interfaces = net::interfaces();
    match &config.start {
        None => {}
        Some(Bind::Auto) => phones.start(lang.0),
        Some(Bind::Exact(addr)) => {
            phones.exact = Some(*addr);
            phones.start(lang.0);
        }
    }
}

fn phone_actions(
    mut actions: MessageReader<Action>,
    mut phones: ResMut<Phones>,
    lang: Res<UiLang>,
    live: Res<Live>,
    mut notices: ResMut<Notices>,
) {
    let lang = lang.0;
    for action in actions.read() {
        let Action::Phones(a) = action else { continue };
        match a {
            PhonesAction::Toggle => {
                if phones.running() {
                    phones.stop();
                } else {
                    phones.start(lang);
                }
            }
            PhonesAction::UseInterface(i) => {
                if *i < phones.interfaces.len() {
                    phones.chosen = *i;
                    phones.exact = None;
                    if phones.running() {
                        phones.start(lang);
                    }
                }
            }
            PhonesAction::Lock(on) => {
                if let Some(s) = &phones.server {
                    s.set_locked(*on);
                }
            }
            PhonesAction::Remove(id) => {
                if let Some(s) = &phones.server {
                    s.remove_device(id);
                }
            }
            PhonesAction::ShowQr(on) => phones.show_qr = *on,
            PhonesAction::SaveHandout => match save_handout(&live, lang) {
                Ok(dir) => {
                    notices.notice = Some(format!(
                        "{} {}",
                        PhoneText::HandoutSaved.tr(lang),
                        dir.display()
                    ))
                }
                Err(e) => notices.banner = Some(e),
            },
            PhonesAction::StartOn(addr) => {
                phones.exact = Some(*addr);
                phones.start(lang);
            }
        }
    }
}

/// Writes the handout into `<journal>-handout/` (or `handout/` in the sessions folder); returns
/// the folder.
pub fn save_handout(live: &Live, lang: Lang) -> Result<std::path::PathBuf, String> {
    use crate::lang::messages::Msg;
    let s = live.session().ok_or(Msg::NoSession.tr(lang))?;
    let dir = match live.journal_path() {
        Some(j) => {
            let stem = j
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "sessie".into());
            j.with_file_name(format!("{stem}-handout"))
        }
        None => live.folder.join("handout"),
    };
    // HTML only from the game (a PDF through Chromium would hold up the screen); it prints from
    // any browser.
    crate::report::handout::write(s, &dir, false)?;
    Ok(dir)
}

/// Applies the votes that arrived: each is the keyboard's `TeamChose` event for the phone's team,
/// checked the same way, and answered.
fn apply_votes(
    mut phones: ResMut<Phones>,
    mut live: ResMut<Live>,
    mut notices: ResMut<Notices>,
    phase: Option<Res<State<Phase>>>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    let votes = server.take_votes();
    if votes.is_empty() {
        return;
    }
    let phase = phase.map(|p| *p.get());
    for v in votes {
        let answer = answer_vote(&mut phones, &mut live, &mut notices, phase, lang.0, &v);
        v.answer(answer);
    }
}

/// Records the subgroups' proposals from their phones: the same `AgreementProposed` event as the
/// facilitator's form makes, by the team's name, checked by the session core.
fn apply_proposals(
    mut phones: ResMut<Phones>,
    mut live: ResMut<Live>,
    draft: Res<SetupDraft>,
    screen: Res<State<Screen>>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    let proposals = server.take_proposals();
    for p in proposals {
        let answer = answer_proposal(&mut phones, &mut live, &draft, *screen.get(), lang.0, &p);
        p.answer(answer);
    }
}

fn answer_proposal(
    phones: &mut Phones,
    live: &mut Live,
    draft: &Draft,
    screen: Screen,
    lang: Lang,
    p: &Proposal,
) -> Answer {
    if let Some(a) = phones.proposed.get(&p.id) {
        return Answer {
            repeat: true,
            ..a.clone()
        };
    }
    if screen != Screen::Agreements {
        return Answer::refused(409, PhoneText::NoProposalsNow.tr(lang));
    }
    let Some(s) = live.session() else {
        return Answer::refused(409, PhoneText::NoProposalsNow.tr(lang));
    };
    let kind =
        serde_json::from_value::<session::AgreementKind>(serde_json::Value::String(p.kind.clone()));
    let Ok(kind) = kind else {
        return Answer::refused(422, PhoneText::NoSuchKind.tr(lang));
    };
    let mut meets = p.meets.clone();
    meets.sort_unstable();
    meets.dedup();
    let per_team = s.settings().values_mode == session::ValuesMode::PerTeam;
    let ev = session::Event::AgreementProposed {
        text: p.text.trim().to_string(),
        value: p.value.clone(),
        kind,
        by: draft
            .team_name(p.team)
            .chars()
            .take(session::MAX_SUBGROUP)
            .collect(),
        meets,
        team: per_team.then_some(p.team),
    };
    match live.apply(ev) {
        Ok(()) => {
            let a = Answer::ok(
                PhoneText::Proposed.tr(lang),
                true,
                live.session().map_or(0, |s| s.events().len()),
            );
            phones.proposed.insert(p.id.clone(), a.clone());
            a
        }
        Err(e) => Answer::refused(422, e),
    }
}

fn answer_vote(
    phones: &mut Phones,
    live: &mut Live,
    notices: &mut Notices,
    phase: Option<Phase>,
    lang: Lang,
    v: &Vote,
) -> Answer {
    let refuse = |status: u16, t: PhoneText| Answer::refused(status, t.tr(lang));
    let Some(s) = live.session() else {
        return refuse(409, PhoneText::RoundNotOpen);
    };
    let Some((index, round)) = s.current_round() else {
        return refuse(409, PhoneText::RoundNotOpen);
    };
    let number = s.number_of(index);
    // A new round forgets the answers of the last one (their votes name the old round).
    let here = (index, number);
    if phones.answered_round != Some(here) {
        phones.answered.clear();
        phones.answered_round = Some(here);
    }
    if let Some(a) = phones.answered.get(&v.id) {
        return Answer {
            repeat: true,
            ..a.clone()
        };
    }
    match round.status {
        session::RoundStatus::Open => {}
        session::RoundStatus::Revealed => return refuse(409, PhoneText::TooLate),
        _ => return refuse(409, PhoneText::RoundNotOpen),
    }
    if v.round < number {
        return refuse(409, PhoneText::TooLate);
    }
    if v.round > number {
        return refuse(409, PhoneText::RoundNotOpen);
    }
    // As the keyboard: choices while the teams discuss or choose, not while the scenario is read.
    if !matches!(phase, Some(Phase::Discuss | Phase::Choose)) {
        return refuse(409, PhoneText::NotYetOpen);
    }
    if v.team >= s.team_count() {
        return refuse(422, PhoneText::NoSuchTeam);
    }
    if s.current_scenario()
        .and_then(|sc| sc.behaviour(v.key))
        .is_none()
    {
        return refuse(422, PhoneText::NoSuchBehaviour);
    }
    let answer = if round.choices.get(v.team).copied().flatten() == Some(v.key) {
        Answer::ok(PhoneText::Unchanged.tr(lang), false, s.events().len())
    } else {
        match session_link::choose(live, v.team, v.key) {
            Ok(()) => Answer::ok(
                PhoneText::Chosen.tr(lang),
                true,
                live.session().map_or(0, |s| s.events().len()),
            ),
            Err(e) => {
                notices.banner = Some(e.clone());
                return Answer::refused(503, e);
            }
        }
    };
    phones.answered.insert(v.id.clone(), answer.clone());
    answer
}

/// What every phone may see: the same for all but `team`, `choice` and `result`.
#[derive(Serialize)]
struct PhoneView<'a> {
    lang: &'static str,
    stage: &'static str,
    round: usize,
    rounds: usize,
    locked: bool,
    teams: &'a [TeamView],
    scenario: Option<&'a ScenarioView>,
    team: Option<usize>,
    choice: Option<String>,
    result: Option<ResultView>,
    /// On the agreements screen: what the proposal form offers.
    agreements: Option<&'a FormView>,
}

#[derive(Serialize)]
struct FormView {
    /// The values the group agreed (id, name), the ones a proposal may serve.
    values: Vec<(String, String)>,
    /// The kinds (id, name).
    kinds: Vec<(String, String)>,
    checklist: Vec<String>,
    max: usize,
}

#[derive(Serialize)]
struct TeamView {
    name: String,
    colour: String,
    chosen: bool,
}

#[derive(Serialize)]
struct ScenarioView {
    title: String,
    setting: String,
    situation: String,
    behaviours: Vec<BehaviourView>,
}

#[derive(Serialize)]
struct BehaviourView {
    key: String,
    text: String,
}

#[derive(Serialize)]
struct ResultView {
    key: String,
    text: String,
    consequence: String,
    score: Option<i64>,
    best: Option<i64>,
    total: Option<i64>,
}

fn stage(screen: Screen, phase: Option<Phase>, finished: bool) -> &'static str {
    match (screen, phase) {
        _ if finished => "over",
        (Screen::Round, Some(Phase::Scenario)) => "scenario",
        (Screen::Round, Some(Phase::Discuss)) => "discuss",
        (Screen::Round, Some(Phase::Choose)) => "choose",
        (Screen::Round, Some(Phase::Reveal)) => "reveal",
        (Screen::Round, Some(Phase::Debrief)) => "debrief",
        (Screen::Agreements, _) => "agreements",
        (Screen::Scoreboard | Screen::Round, _) => "between",
        (Screen::Final, _) => "over",
        _ => "wait",
    }
}

/// What the phones may see now, one JSON text per team.
pub fn published(
    draft: &Draft,
    live: &Live,
    lang: Lang,
    screen: Screen,
    phase: Option<Phase>,
    locked: bool,
) -> Published {
    let folded = live.fold();
    let stage = stage(screen, phase, folded.finished);
    let in_round = screen == Screen::Round;
    let teams: Vec<TeamView> = draft
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let [r, g, b] = PALETTE[t.colour % PALETTE.len()];
            TeamView {
                name: t.name.clone(),
                colour: format!("#{r:02x}{g:02x}{b:02x}"),
                chosen: in_round && folded.choices.get(i).is_some_and(Option::is_some),
            }
        })
        .collect();
    let sc = live
        .session()
        .and_then(session::Session::current_scenario)
        .filter(|_| in_round);
    let scenario = sc.map(|sc| ScenarioView {
        title: sc.title.clone(),
        setting: sc.setting.clone(),
        situation: sc.situation.clone(),
        behaviours: sc
            .behaviours
            .iter()
            .map(|b| BehaviourView {
                key: b.key.to_string(),
                text: b.text.clone(),
            })
            .collect(),
    });
    let round = if live.session().is_some() && matches!(screen, Screen::Round) {
        folded.round + 1
    } else {
        0
    };
    let form = live
        .session()
        .filter(|_| screen == Screen::Agreements)
        .map(|s| FormView {
            values: (0..s.settings().value_sets())
                .flat_map(|set| s.team_values(set).iter())
                .map(|(id, _)| id.clone())
                .fold(Vec::<String>::new(), |mut acc, id| {
                    if !acc.contains(&id) {
                        acc.push(id);
                    }
                    acc
                })
                .into_iter()
                .map(|id| {
                    let name = s.deck().value_name(&id).to_string();
                    (id, name)
                })
                .collect(),
            kinds: session::AgreementKind::ALL
                .into_iter()
                .map(|k| {
                    let id = serde_json::to_value(k)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    (id, k.name(lang).to_string())
                })
                .collect(),
            checklist: s.checklist(),
            max: session::MAX_AGREEMENT,
        });
    let view = |team: Option<usize>| {
        let choice = team
            .filter(|_| in_round)
            .and_then(|t| folded.choices.get(t).copied().flatten());
        let result = match (team, choice, sc) {
            (Some(t), Some(k), Some(sc)) if folded.revealed => {
                let r = session_link::team_round(live, t);
                sc.behaviour(k).map(|b| ResultView {
                    key: k.to_string(),
                    text: b.text.clone(),
                    consequence: b.consequence.clone(),
                    score: r.score,
                    best: r.best,
                    total: r.total,
                })
            }
            _ => None,
        };
        let v = PhoneView {
            lang: lang.code(),
            stage,
            round,
            rounds: live.rounds(),
            locked,
            teams: &teams,
            scenario: scenario.as_ref(),
            team,
            choice: choice.map(|k| k.to_string()),
            result,
            agreements: form.as_ref(),
        };
        serde_json::to_string(&v).unwrap_or_default()
    };
    Published {
        teams: (0..teams.len()).map(|t| view(Some(t))).collect(),
        nobody: view(None),
    }
}

/// Sends the phones what they may see (when it changed), and closes the server when the session
/// is finished.
fn publish(
    mut phones: ResMut<Phones>,
    draft: Res<SetupDraft>,
    live: Res<Live>,
    lang: Res<UiLang>,
    screen: Res<State<Screen>>,
    phase: Option<Res<State<Phase>>>,
) {
    if phones.server.is_none() {
        return;
    }
    // Finishing the session closes the socket.
    if live.session().is_some_and(|s| s.state().finished) {
        phones.stop();
        return;
    }
    let Some(server) = &phones.server else { return };
    let p = published(
        &draft,
        &live,
        lang.0,
        *screen.get(),
        phase.map(|p| *p.get()),
        server.locked(),
    );
    server.publish(p, lang.0);
    let any = !server.devices().is_empty();
    if any && !phones.seen_phone {
        phones.seen_phone = true;
    }
}

/// The phones' logic: the server, the votes, what the phones see. No window needed.
pub struct PhonesPlugin;

impl Plugin for PhonesPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<PhonesConfig>()
            .init_resource::<Phones>()
            .add_systems(Startup, start_configured)
            .add_systems(Update, phone_keys.in_set(GameSystems::Input))
            .add_systems(
                Update,
                (phone_actions, apply_votes, apply_proposals)
                    .chain()
                    .in_set(GameSystems::Own),
            )
            .add_systems(Update, publish.in_set(GameSystems::Follow));
    }
}

/// The QR code on the projector and the phones window for the facilitator.
pub struct PhonesViewPlugin;

impl Plugin for PhonesViewPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            (projector_overlay, single_window_phones),
        )
        .add_systems(FacilitatorPass, facilitator_window);
    }
}

/// The QR code of the join URL as an egui texture, made once per URL.
fn qr_texture(ctx: &egui::Context, phones: &Phones) -> Option<egui::TextureHandle> {
    let (url, width, modules) = phones.qr()?;
    let key = egui::Id::new(("phones-qr", url));
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(key)) {
        return Some(t);
    }
    let (side, rgba) = qr_image(width, modules, 8);
    let image = egui::ColorImage::from_rgba_unmultiplied([side, side], &rgba);
    let tex = ctx.load_texture("phones-qr", image, egui::TextureOptions::NEAREST);
    ctx.data_mut(|d| d.insert_temp(key, tex.clone()));
    Some(tex)
}

/// The join card on the projector: the QR code, the room code and the address, large and in the
/// middle, while the facilitator shows it (from the start of the server until hidden in the phones
/// window) and joining is open.
fn projector_overlay(
    mut ctx: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    phones: Res<Phones>,
    lang: Res<UiLang>,
) {
    let Some(server) = &phones.server else { return };
    if server.locked() || !phones.show_qr {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let Some(tex) = qr_texture(&ctx, &phones) else {
        return;
    };
    let height = ctx.content_rect().height();
    let side = (height * 0.5).clamp(160.0, 1200.0);
    let size = (height * 0.045).clamp(16.0, 90.0);
    egui::Area::new(egui::Id::new("phones-qr-area"))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(&ctx, |ui| {
            super::ui::card(theme::PANEL, size * 0.8)
                .stroke(egui::Stroke::new(3.0, theme::ACCENT))
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.label(
                            egui::RichText::new(PhoneText::Join.tr(lang.0))
                                .size(size)
                                .strong()
                                .color(theme::ACCENT),
                        );
                        ui.add_space(size * 0.3);
                        ui.add(egui::Image::new((tex.id(), egui::vec2(side, side))));
                        ui.add_space(size * 0.3);
                        ui.label(
                            egui::RichText::new(format!(
                                "{}  {}",
                                PhoneText::RoomCode.tr(lang.0),
                                server.room_code()
                            ))
                            .size(size * 1.1)
                            .strong()
                            .color(theme::TEXT),
                        );
                        ui.label(
                            egui::RichText::new(server.short_url())
                                .size(size * 0.7)
                                .color(theme::MUTED),
                        );
                    });
                });
        });
}

#[allow(clippy::too_many_arguments)]
fn facilitator_window(
    mut ctx: Query<&mut EguiContext, Without<PrimaryEguiContext>>,
    phones: Res<Phones>,
    draft: Res<SetupDraft>,
    live: Res<Live>,
    lang: Res<UiLang>,
    layout: Option<Res<Layout>>,
    mut out: MessageWriter<Action>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if layout.is_some_and(|l| l.single_window) {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    phones_window(&ctx, &phones, &draft, &live, lang.0, &mut actions);
    if !actions.is_empty() {
        for a in actions {
            out.write(a);
        }
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// The phones window: on/off, the address, lock, the phones per team and who has chosen.
pub fn phones_window(
    ctx: &egui::Context,
    phones: &Phones,
    draft: &Draft,
    live: &Live,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let t = |k: PhoneText| k.tr(lang);
    egui::Window::new(format!("📱 {}", t(PhoneText::Phones)))
        // Open when the server runs, folded when it is off (two ids: egui keeps each one's state).
        .id(egui::Id::new(("phones-window", phones.running())))
        .default_open(phones.running())
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(ctx.content_rect().right_bottom() - egui::vec2(12.0, 12.0))
        .default_width(360.0)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_max_width(360.0);
            let label = if phones.running() {
                t(PhoneText::TurnOff)
            } else {
                t(PhoneText::TurnOn)
            };
            if ui.button(label).clicked() {
                out.push(Action::Phones(PhonesAction::Toggle));
            }
            if let Some(e) = &phones.error {
                ui.add(egui::Label::new(egui::RichText::new(e).color(theme::BAD)).wrap());
            }
            if phones.exact.is_none() && phones.interfaces.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t(PhoneText::Interface));
                    for (i, itf) in phones.interfaces.iter().enumerate() {
                        let mut name = format!("{} {}", itf.name, itf.ip);
                        if itf.virtual_or_vpn {
                            name.push_str(&format!(" ({})", t(PhoneText::VirtualAdapter)));
                        }
                        if ui.selectable_label(i == phones.chosen, name).clicked() {
                            out.push(Action::Phones(PhonesAction::UseInterface(i)));
                        }
                    }
                });
            }
            if live.session().is_some()
                && ui.button(format!("🖨 {}", t(PhoneText::Handout))).clicked()
            {
                out.push(Action::Phones(PhonesAction::SaveHandout));
            }
            let Some(server) = &phones.server else {
                ui.add(
                    egui::Label::new(egui::RichText::new(t(PhoneText::Off)).color(theme::MUTED))
                        .wrap(),
                );
                return;
            };
            ui.label(format!("{}: {}", t(PhoneText::Address), server.short_url()));
            ui.label(format!(
                "{}: {}",
                t(PhoneText::RoomCode),
                server.room_code()
            ));
            let locked = server.locked();
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(if locked {
                        t(PhoneText::Unlock)
                    } else {
                        t(PhoneText::Lock)
                    })
                    .clicked()
                {
                    out.push(Action::Phones(PhonesAction::Lock(!locked)));
                }
                let mut shown = phones.show_qr;
                if ui.checkbox(&mut shown, t(PhoneText::ShowQr)).changed() {
                    out.push(Action::Phones(PhonesAction::ShowQr(shown)));
                }
            });
            let counts = server.connected_per_team(draft.teams.len());
            let choices = live.fold().choices;
            for (i, team) in draft.teams.iter().enumerate() {
                let chosen = choices.get(i).is_some_and(Option::is_some);
                ui.horizontal_wrapped(|ui| {
                    super::ui::swatch(ui, theme::team_colour(team.colour), 14.0);
                    ui.label(format!(
                        "{}: {} {} · {}",
                        team.name,
                        counts.get(i).copied().unwrap_or(0),
                        t(PhoneText::Connected),
                        if chosen {
                            t(PhoneText::HasChosen)
                        } else {
                            t(PhoneText::NotChosen)
                        }
                    ));
                });
            }
            // The facilitator assigns a team by handing out that team's link (it joins at once).
            egui::CollapsingHeader::new(t(PhoneText::TeamLinks))
                .id_salt("phones-team-links")
                .show(ui, |ui| {
                    for (i, team) in draft.teams.iter().enumerate() {
                        let link = format!("{}#t={i}", server.join_url());
                        ui.horizontal_wrapped(|ui| {
                            if ui.small_button("📋").on_hover_text(&link).clicked() {
                                ui.ctx().copy_text(link.clone());
                            }
                            ui.label(&team.name);
                        });
                    }
                });
            let devices = server.devices();
            if !devices.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    t(PhoneText::Remove),
                    devices.len()
                ))
                .id_salt("phones-devices")
                .show(ui, |ui| {
                    for d in devices {
                        ui.horizontal(|ui| {
                            let team = d
                                .team
                                .map_or(t(PhoneText::NoTeam).to_string(), |i| draft.team_name(i));
                            ui.label(format!("{} · {}", &d.id[..6.min(d.id.len())], team));
                            if ui.small_button("×").clicked() {
                                out.push(Action::Phones(PhonesAction::Remove(d.id.clone())));
                            }
                        });
                    }
                });
            }
            let quiet = phones
                .started
                .is_some_and(|s| s.elapsed() >= Duration::from_secs(60));
            if quiet && !phones.seen_phone {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(t(PhoneText::NoPhoneHint)).color(theme::ACCENT),
                    )
                    .wrap(),
                );
            }
            // No repaint is asked for the minute: the app looks again every few seconds anyway
            // (render::IDLE_WAIT), and an egui repaint request would keep it drawing.
        });
}

/// In one window the phones window sits in the projector's context while the controls are open.
pub fn single_window_phones(
    mut ctx: Query<&mut EguiContext, With<PrimaryEguiContext>>,
    phones: Res<Phones>,
    (draft, prefs): (Res<SetupDraft>, Res<Prefs>),
    live: Res<Live>,
    lang: Res<UiLang>,
    layout: Option<Res<Layout>>,
    mut out: MessageWriter<Action>,
) {
    if !layout.is_some_and(|l| l.single_window) || !prefs.controls_open {
        return;
    }
    let Ok(mut ctx) = ctx.single_mut() else {
        return;
    };
    let ctx = ctx.get_mut().clone();
    let mut actions = Vec::new();
    phones_window(&ctx, &phones, &draft, &live, lang.0, &mut actions);
    for a in actions {
        out.write(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_of_the_join_url() {
        let url = "http://192.168.178.20:8427/j/0123456789abcdef0123456789abcdef";
        let (w, m) = qr_modules(url).expect("fits a QR code");
        assert_eq!(m.len(), w * w);
        let (side, rgba) = qr_image(w, &m, 4);
        assert_eq!(side, (w + 8) * 4);
        assert_eq!(rgba.len(), side * side * 4);
        // The quiet zone is white, the finder pattern's corner dark.
        assert_eq!(&rgba[..4], &[255, 255, 255, 255]);
        let corner = (16 * side + 16) * 4;
        assert_eq!(&rgba[corner..corner + 3], &[0, 0, 0]);
    }
}
