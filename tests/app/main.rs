//! Headless Bevy App tests: one binary, one module per area.
