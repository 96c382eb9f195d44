//! Ctrl-C during a download: the first SIGINT (or SIGTERM) sets a flag the
//! client polls while it waits, so the run stops at once without writing the
//! request in flight and prints its summary; a second one ends the process
//! straight away.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The run was asked to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// A flag set when the user asked the download to stop.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// A flag nobody has set.
    pub fn new() -> Self {
        Self::default()
    }

    /// A flag set by SIGINT and SIGTERM. A second signal exits with status
    /// 130 straight away (files are written atomically, so none is left half done).
    pub fn on_signals() -> std::io::Result<Self> {
        let stop = Self::new();
        for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            // Registered first, so it sees the flag as the previous signal left it.
            signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop.0))?;
            signal_hook::flag::register(signal, Arc::clone(&stop.0))?;
        }
        Ok(stop)
    }

    /// Sets the flag (what a signal does).
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// `Err` once a stop was asked for.
    pub fn check(&self) -> Result<(), Interrupted> {
        if self.requested() {
            Err(Interrupted)
        } else {
            Ok(())
        }
    }
}
