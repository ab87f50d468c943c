//! The windows: the projected one (primary) and the facilitator's; cameras; full screen.

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode, WindowRef, WindowResolution};
use bevy_egui::{EguiGlobalSettings, EguiSchedule, PrimaryEguiContext};

use super::action::Action;
use super::i18n::{Key as _, Lang, T, UiLang};

/// One window or two.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Layout {
    pub single_window: bool,
}

/// The egui pass of the facilitator window.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FacilitatorPass;

/// Marks the facilitator window and its camera.
#[derive(Component)]
pub struct FacilitatorWindow;

/// Window sizes asked for at start.
#[derive(Resource, Debug, Clone, Copy)]
pub struct WindowSizes {
    pub projector: (u32, u32),
    pub facilitator: (u32, u32),
    /// Force scale factor 1 (for screenshots of an exact size).
    pub exact: bool,
}

impl Default for WindowSizes {
    fn default() -> Self {
        WindowSizes {
            projector: (1280, 720),
            facilitator: (900, 800),
            exact: false,
        }
    }
}

pub fn projector_window(sizes: &WindowSizes) -> Window {
    let mut resolution = WindowResolution::new(sizes.projector.0, sizes.projector.1);
    if sizes.exact {
        resolution = resolution.with_scale_factor_override(1.0);
    }
    Window {
        title: T::ProjectorWindow.tr(Lang::default()).into(),
        resolution,
        ..default()
    }
}

fn spawn_cameras(
    mut commands: Commands,
    mut egui_settings: ResMut<EguiGlobalSettings>,
    layout: Res<Layout>,
    sizes: Res<WindowSizes>,
) {
    egui_settings.auto_create_primary_context = false;
    commands.spawn((Camera2d, PrimaryEguiContext));
    if layout.single_window {
        return;
    }
    let mut resolution = WindowResolution::new(sizes.facilitator.0, sizes.facilitator.1);
    if sizes.exact {
        resolution = resolution.with_scale_factor_override(1.0);
    }
    let window = commands
        .spawn((
            Window {
                title: T::FacilitatorWindow.tr(Lang::default()).into(),
                resolution,
                ..default()
            },
            FacilitatorWindow,
        ))
        .id();
    commands.spawn((
        Camera2d,
        Camera::default(),
        RenderTarget::Window(WindowRef::Entity(window)),
        EguiSchedule::new(FacilitatorPass),
        FacilitatorWindow,
    ));
}

/// F11: full screen on the projected window (on the monitor it is on, so it can be dragged to the
/// projector first).
fn toggle_fullscreen(
    mut actions: MessageReader<Action>,
    mut window: Query<&mut Window, With<PrimaryWindow>>,
) {
    for a in actions.read() {
        if *a == Action::ToggleFullscreen
            && let Ok(mut w) = window.single_mut()
        {
            w.mode = match w.mode {
                WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
                _ => WindowMode::Windowed,
            };
        }
    }
}

/// The windows' titles in the session's language.
fn window_titles(lang: Res<UiLang>, mut windows: Query<(&mut Window, Has<FacilitatorWindow>)>) {
    for (mut w, facilitator) in &mut windows {
        let key = if facilitator {
            T::FacilitatorWindow
        } else {
            T::ProjectorWindow
        };
        let title = key.tr(**lang);
        if w.title != title {
            w.title = title.into();
        }
    }
}

pub struct WindowsPlugin;

impl Plugin for WindowsPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<WindowSizes>()
            .add_systems(Startup, spawn_cameras)
            .add_systems(
                Update,
                (
                    toggle_fullscreen,
                    window_titles.run_if(resource_exists_and_changed::<UiLang>),
                ),
            );
    }
}
