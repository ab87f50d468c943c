//! The session journal on disk. No Bevy here.
