//! The teams' phones in the game: turning the join server ([`crate::phones`]) on and off, votes
//! becoming the same `TeamChose` event the keyboard makes, what the phones may see, the QR code on
//! the projector and the facilitator's view of the connected phones.
//!
//! Off by default. `--phones` starts it on this computer's first suitable address, `--phones-bind
//! ADDR:PORT` exactly there; the facilitator turns it on and off with Q or the button in the
//! phones window. The join URL is printed on standard output when the server starts.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::GameSystems;
use super::action::Action;
pub use super::action::PhonesAction;
use super::i18n::{Key, Lang, UiLang};
use super::input::TextFocus;
use super::session_link::Live;
use super::state::Notices;
use super::windows::FacilitatorPass;
use crate::lang::phones::PhoneText;
use crate::phones::net::{self, Interface};
use crate::phones::{Answer, Limits, Server};

mod answers;
mod publish;
mod view;
use answers::{apply_proposals, apply_votes};
use publish::publish;
pub use publish::published;
use view::{facilitator_window, projector_overlay};
pub use view::{phones_window, single_window_phones};

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
                info!("{} {url}", PhoneText::LogJoinAddress.tr(lang));
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
