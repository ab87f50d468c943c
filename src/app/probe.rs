//! For `scripts/bench-app.sh`: with `CBS_PROBE_FIRST_FRAME=1` in the environment, print
//! `first-frame-ms <milliseconds since the Unix epoch>` once the first frame has been rendered, so a
//! script can time start-up from the outside. Does nothing otherwise.

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;

pub struct FirstFrameProbePlugin;

impl Plugin for FirstFrameProbePlugin {
    fn build(&self, app: &mut App) {
        if std::env::var_os("CBS_PROBE_FIRST_FRAME").is_some() {
            app.add_systems(Last, report_first_frame);
        }
    }
}

/// Frame 1 is extracted and rendered while frame 2 updates (pipelined rendering): report then.
fn report_first_frame(frames: Res<FrameCount>, mut done: Local<bool>) {
    if *done || frames.0 < 2 {
        return;
    }
    *done = true;
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    println!("first-frame-ms {ms}");
}
