//! Headless Bevy App tests: one binary, one module per area. No window, no GPU: the logic
//! plugins run with `MinimalPlugins`, and the tests drive them with keyboard messages.

mod binary;
mod guards;
mod harness;
mod hot_reload;
mod keyboard;
mod language;
mod own_values;
mod phone_client;
mod phones;
mod photos;
mod projector_view;
mod refusals;
mod render;
mod session;
mod shape;
