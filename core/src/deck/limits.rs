//! The limits a deck keeps: the range of an effect, how many behaviours a scenario has, how long a
//! situation and a checklist may be. The rules of a deck (`validate.rs`) and of one scenario
//! (`rules_scenario.rs`) check them.

/// Effects are whole numbers in this range.
pub const EFFECT_MIN: i64 = -3;
pub const EFFECT_MAX: i64 = 3;
pub const MIN_BEHAVIOURS: usize = 2;
pub const MAX_BEHAVIOURS: usize = 6;
/// Above this many characters a situation no longer fits the projected screen without scrolling.
pub const LONG_SITUATION: usize = 1500;
/// The most questions a checklist may have (they are ticked one by one for every proposal).
pub const MAX_CHECKLIST: usize = 8;
