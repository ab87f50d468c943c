//! One module per screen: what it draws on the projector, what it shows the facilitator, and how
//! it handles its own actions (`handle`, and `next` for Space). `game::apply_actions` hands each
//! action to the screen that owns it; the screens' states are [`Screen`] and [`Phase`].
//! A screen too big for one file is a folder: `values` (with `own_values`, the group's own
//! values), `setup` (with `plan`, the session plan), `round` (with its projector and facilitator
//! views). `photo_wall` draws the photos on the Agreements and Final screens (their state and
//! import are `app::photos`); the phones work across screens (`app::phones`).

pub mod agreements;
pub mod final_;
pub mod photo_wall;
pub mod review;
pub mod round;
pub mod scoreboard;
pub mod setup;
pub mod title;
pub mod values;

pub use super::nav::{Phase, Screen};
