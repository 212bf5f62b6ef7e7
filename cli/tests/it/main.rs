//! The `journeymap` command's tests, in one test binary (one link, one process; each module is one
//! concern, named as the file it lives in).

mod common;

mod cli;
mod convert;
mod events;
mod opportunities;
mod render;
