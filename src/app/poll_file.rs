//! The poll file from the system's file dialog (rfd; on Linux the XDG desktop portal over the
//! session bus, so no GTK is needed) or dropped on a window of the game, on the Values screen.
//! Either becomes the same actions as a typed path: [`Action::SetPollPath`] and
//! [`Action::ImportPoll`].

use std::path::PathBuf;
use std::sync::{Mutex, mpsc};

use bevy::prelude::*;
use bevy::window::FileDragAndDrop;

use super::GameSystems;
use super::action::Action;
use super::nav::Screen;

/// The dialog open now, if any: its answer arrives on this channel.
#[derive(Resource, Default)]
struct Dialog(Option<Mutex<mpsc::Receiver<Option<PathBuf>>>>);

/// The actions for a poll file chosen or dropped.
pub fn chosen(path: &std::path::Path) -> [Action; 2] {
    [
        Action::SetPollPath(path.display().to_string()),
        Action::ImportPoll,
    ]
}

fn open_dialog(
    mut actions: MessageReader<Action>,
    mut dialog: ResMut<Dialog>,
    screen: Res<State<Screen>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    lang: Res<super::i18n::UiLang>,
) {
    use crate::lang::{Key as _, T};
    for action in actions.read() {
        if *action != Action::PickPollFile || *screen.get() != Screen::Values || dialog.0.is_some()
        {
            continue;
        }
        let (tx, rx) = mpsc::channel();
        let proxy = proxy.as_ref().map(|p| (***p).clone());
        let title = T::Poll.tr(**lang);
        // The dialog waits for the person; the game keeps drawing meanwhile.
        std::thread::spawn(move || {
            let file = bevy::tasks::block_on(
                rfd::AsyncFileDialog::new()
                    .set_title(title)
                    .add_filter("CSV, TSV, TXT", &["csv", "tsv", "txt"])
                    .pick_file(),
            );
            let _ = tx.send(file.map(|f| f.path().to_path_buf()));
            if let Some(proxy) = proxy {
                // Fails only when the app is closing.
                let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        });
        dialog.0 = Some(Mutex::new(rx));
    }
}

fn receive(
    mut dialog: ResMut<Dialog>,
    mut drops: MessageReader<FileDragAndDrop>,
    screen: Res<State<Screen>>,
    mut out: MessageWriter<Action>,
) {
    let answer = dialog.0.as_ref().map(|rx| match rx.lock() {
        Ok(rx) => rx.try_recv(),
        Err(_) => Err(mpsc::TryRecvError::Disconnected),
    });
    match answer {
        Some(Ok(Some(path))) => {
            out.write_batch(chosen(&path));
            dialog.0 = None;
        }
        Some(Ok(None) | Err(mpsc::TryRecvError::Disconnected)) => dialog.0 = None,
        Some(Err(mpsc::TryRecvError::Empty)) | None => {}
    }
    for drop in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = drop
            && *screen.get() == Screen::Values
        {
            out.write_batch(chosen(path_buf));
        }
    }
}

pub struct PollFilePlugin;

impl Plugin for PollFilePlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Dialog>()
            .add_systems(Update, receive.in_set(GameSystems::Input))
            .add_systems(Update, open_dialog.in_set(GameSystems::Follow));
    }
}
