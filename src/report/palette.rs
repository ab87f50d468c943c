//! The colours of the game and what it hands out, as RGB bytes: the dark stage of the projector
//! (which the screen posters share) and the light print of the A4 pages. The game's egui theme
//! (`app::theme`) and the posters read them from here.

/// A colour as RGB bytes.
pub type Rgb = [u8; 3];

/// The game's accent (orange).
pub const ACCENT: Rgb = [230, 159, 0];

/// A set of colours for one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub bg: Rgb,
    pub card: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub accent: Rgb,
}

/// The dark stage: the projector, the facilitator's window and the posters to project.
pub const DARK: Theme = Theme {
    bg: [0x12, 0x15, 0x1c],
    card: [0x26, 0x2c, 0x39],
    text: [0xf0, 0xf2, 0xf6],
    muted: [0xa9, 0xb1, 0xc2],
    accent: ACCENT,
};

/// The panels of the dark stage (the facilitator's side panel).
pub const DARK_PANEL: Rgb = [0x1d, 0x22, 0x2c];

/// The light print: the A4 posters and pages.
pub const LIGHT: Theme = Theme {
    bg: [255, 255, 255],
    card: [244, 245, 248],
    text: [29, 35, 48],
    muted: [91, 100, 117],
    accent: [184, 116, 0],
};
