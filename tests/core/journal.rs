//! The journal on disk: round trips, torn last lines, damage in the middle, resume, listing.
