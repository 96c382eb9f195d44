//! Builds the search indexes on a worker thread once the corpus is loaded
//! ([`crate::app::Effect::IndexSearch`]), so the interface stays usable
//! meanwhile; the result comes back as an action through the event loop's
//! one channel.

use std::sync::Arc;
use std::thread;

use crate::app::Action;
use crate::app::search::{Indexed, SearchAction, SearchIndex};
use crate::corpus::Corpus;

/// Starts building the indexes of `corpus`; `send` delivers
/// [`SearchAction::Indexed`] when they are ready.
pub fn spawn(corpus: &Arc<Corpus>, send: impl FnOnce(Action) + Send + 'static) {
    let corpus = Arc::clone(corpus);
    thread::spawn(move || {
        let index = SearchIndex::build(&corpus);
        send(Action::Search(SearchAction::Indexed(Indexed(Arc::new(
            index,
        )))));
        // Held until sent: the application recognises its corpus by address.
        drop(corpus);
    });
}
