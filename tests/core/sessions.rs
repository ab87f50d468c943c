//! Sessions, journal and the `simulate`/`report` commands.
