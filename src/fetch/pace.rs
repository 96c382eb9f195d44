//! Politeness timing: the request rate limit, the backoff schedule between
//! retries, a server's `Retry-After`, and sleeping so that Ctrl-C still
//! stops at once. Pure arithmetic apart from [`Pacer::wait`] and [`sleep`].

use std::time::{Duration, Instant};

use super::interrupt::{Interrupted, Stop};

/// How politely a source is fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// At most this many requests per second (tries of one request included).
    pub rate: f64,
    /// Time allowed for one whole request, connection to last byte.
    pub timeout: Duration,
    /// How many times a failed request is tried again.
    pub retries: u32,
    /// The wait before the first retry; it doubles at each further one.
    pub backoff: Duration,
    /// The longest wait accepted, from the backoff or a server's `Retry-After`.
    pub max_wait: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            rate: 2.0,
            timeout: Duration::from_secs(30),
            retries: 4,
            backoff: Duration::from_secs(1),
            max_wait: Duration::from_secs(300),
        }
    }
}

impl Policy {
    /// The wait before retry number `retry` (1 for the first), doubling each
    /// time from [`Policy::backoff`] and never above [`Policy::max_wait`].
    pub fn backoff_for(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.backoff.saturating_mul(factor).min(self.max_wait)
    }

    /// The shortest time between the starts of two requests.
    pub fn interval(&self) -> Duration {
        if self.rate.is_finite() && self.rate > 0.0 {
            Duration::from_secs_f64(1.0 / self.rate)
        } else {
            Duration::ZERO
        }
    }
}

/// Keeps requests at most [`Policy::rate`] per second, and holds them back
/// further when a server asked for a pause.
#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    next: Option<Instant>,
}

impl Pacer {
    /// A pacer spacing request starts by `interval`.
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            next: None,
        }
    }

    /// Waits until the next request may start, then books the one after.
    pub fn wait(&mut self, stop: &Stop) -> Result<(), Interrupted> {
        if let Some(next) = self.next {
            sleep(next.saturating_duration_since(Instant::now()), stop)?;
        }
        self.next = Some(Instant::now() + self.interval);
        Ok(())
    }

    /// No request may start before `delay` from now (a server's pause).
    pub fn hold(&mut self, delay: Duration) {
        let until = Instant::now() + delay;
        self.next = Some(self.next.map_or(until, |n| n.max(until)));
    }
}

/// Sleeps for `duration` in short steps, returning early when Ctrl-C was pressed.
pub fn sleep(duration: Duration, stop: &Stop) -> Result<(), Interrupted> {
    let end = Instant::now() + duration;
    loop {
        stop.check()?;
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(left.min(Duration::from_millis(50)));
    }
}

/// Reads a `Retry-After` value: whole seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`), as the wait from `now`. A date in the
/// past means no wait; anything else unreadable is `None` (the backoff applies).
pub fn retry_after(value: &str, now: jiff::Timestamp) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = when.duration_since(now);
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let p = Policy {
            backoff: Duration::from_millis(100),
            max_wait: Duration::from_millis(500),
            ..Policy::default()
        };
        let waits: Vec<u128> = (1..=5).map(|n| p.backoff_for(n).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 500, 500]);
        assert_eq!(p.backoff_for(200), Duration::from_millis(500));
    }

    #[test]
    fn the_rate_gives_the_interval() {
        assert_eq!(Policy::default().interval(), Duration::from_millis(500));
        let fast = Policy {
            rate: 0.0,
            ..Policy::default()
        };
        assert_eq!(fast.interval(), Duration::ZERO);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now: jiff::Timestamp = "2015-10-21T07:27:00Z".parse().unwrap();
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
        assert_eq!(retry_after("-5", now), None);
    }

    #[test]
    fn the_pacer_spaces_requests_and_honours_a_hold() {
        let stop = Stop::new();
        let mut pacer = Pacer::new(Duration::from_millis(60));
        let start = Instant::now();
        pacer.wait(&stop).unwrap();
        pacer.wait(&stop).unwrap();
        pacer.wait(&stop).unwrap();
        assert!(start.elapsed() >= Duration::from_millis(120));
        pacer.hold(Duration::from_millis(150));
        let held = Instant::now();
        pacer.wait(&stop).unwrap();
        assert!(held.elapsed() >= Duration::from_millis(140));
    }

    #[test]
    fn sleeping_stops_when_interrupted() {
        let stop = Stop::new();
        stop.request();
        let start = Instant::now();
        assert!(sleep(Duration::from_secs(10), &stop).is_err());
        assert!(start.elapsed() < Duration::from_secs(1));
    }
}
