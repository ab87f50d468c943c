//! A child process appending events is killed with SIGKILL; resume keeps what was reported.
