//! The baseline for `scripts/bench-app.sh`: a bare Bevy + bevy_egui window with one label, built with
//! the game's features and the same reactive (desktop) update policy and log filter.

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use cultuurbarbarenspel::app::probe::FirstFrameProbePlugin;

fn main() {
    App::new()
        .add_plugins(DefaultPlugins.set(bevy::log::LogPlugin {
            filter: "warn,wgpu=error,naga=error".into(),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .add_plugins(FirstFrameProbePlugin)
        .insert_resource(WinitSettings::desktop_app())
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, label)
        .run();
}

fn label(mut contexts: EguiContexts) -> Result {
    egui::Window::new("Cultuurbarbaren").show(contexts.ctx_mut()?, |ui| {
        ui.label(egui::RichText::new("Cultuurbarbaren").size(64.0));
    });
    Ok(())
}
