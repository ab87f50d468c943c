//! The discussion countdown: runs in the Discuss phase, can be paused and extended.

use bevy::prelude::*;
use std::time::Duration;

use super::nav::Phase;

#[derive(Resource, Debug, Clone, Default)]
pub struct DiscussTimer {
    pub total: Duration,
    pub remaining: Duration,
    pub running: bool,
}

impl DiscussTimer {
    pub fn start(&mut self, secs: u32) {
        self.total = Duration::from_secs(u64::from(secs));
        self.remaining = self.total;
        self.running = secs > 0;
    }

    pub fn toggle(&mut self) {
        if !self.remaining.is_zero() {
            self.running = !self.running;
        }
    }

    pub fn add_minute(&mut self) {
        self.remaining += Duration::from_secs(60);
        self.total += Duration::from_secs(60);
    }

    /// Whole seconds shown on the clock (rounded up, so 0 means the time is up).
    pub fn shown_secs(&self) -> u64 {
        let ms = self.remaining.as_millis() as u64;
        ms.div_ceil(1000)
    }

    pub fn label(&self) -> String {
        let s = self.shown_secs();
        format!("{}:{:02}", s / 60, s % 60)
    }

    /// Fraction of the time left, 0..=1.
    pub fn fraction_left(&self) -> f32 {
        if self.total.is_zero() {
            0.0
        } else {
            (self.remaining.as_secs_f32() / self.total.as_secs_f32()).clamp(0.0, 1.0)
        }
    }

    pub fn is_up(&self) -> bool {
        self.remaining.is_zero()
    }

    /// How long until the shown second changes, when running.
    pub fn until_next_tick(&self) -> Option<Duration> {
        if !self.running || self.remaining.is_zero() {
            return None;
        }
        let ms = self.remaining.as_millis() as u64;
        let into = ms % 1000;
        Some(Duration::from_millis(if into == 0 { 1000 } else { into }))
    }
}

fn tick(time: Res<Time>, mut timer: ResMut<DiscussTimer>) {
    if !timer.running {
        return;
    }
    let dt = time.delta();
    timer.remaining = timer.remaining.saturating_sub(dt);
    if timer.remaining.is_zero() {
        timer.running = false;
    }
}

pub struct TimerPlugin;

impl Plugin for TimerPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<DiscussTimer>()
            .add_systems(Update, tick.run_if(in_state(Phase::Discuss)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_rounds_up() {
        let mut t = DiscussTimer::default();
        t.start(90);
        assert_eq!(t.label(), "1:30");
        t.remaining = Duration::from_millis(59_001);
        assert_eq!(t.label(), "1:00");
        assert_eq!(t.until_next_tick(), Some(Duration::from_millis(1)));
        t.remaining = Duration::ZERO;
        assert!(t.is_up());
        assert_eq!(t.label(), "0:00");
    }
}
