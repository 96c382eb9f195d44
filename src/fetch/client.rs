//! The HTTP client every source uses: one blocking `ureq` agent with a
//! `User-Agent` naming qreview, timeouts, the rate limit, and retries with
//! exponential backoff on network errors, cut bodies, 5xx and 429 (honouring
//! `Retry-After`). It knows no source; the fetchers give it URLs.

use std::sync::mpsc;
use std::time::Duration;

use super::interrupt::{Interrupted, Stop};
use super::pace::{self, Pacer, Policy};

/// The `User-Agent` sent with every request.
pub const USER_AGENT: &str = concat!(
    "qreview/",
    env!("CARGO_PKG_VERSION"),
    " (parliamentary questions reviewer; polite bulk download)"
);

/// The largest response body accepted (a detail record is a few hundred kB).
const BODY_LIMIT: u64 = 64 * 1024 * 1024;

/// Why a URL could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server refused for good (404, 410, 400, …): trying again will not help.
    #[error("HTTP {status} from {url}")]
    Refused {
        /// The status code.
        status: u16,
        /// The URL asked for.
        url: String,
    },
    /// Every try failed; `reason` is the last failure.
    #[error("{reason} after {tries} tries ({url})")]
    GaveUp {
        /// The last failure.
        reason: String,
        /// How many requests were made.
        tries: u32,
        /// The URL asked for.
        url: String,
    },
    /// The server asked for a pause longer than the accepted limit.
    #[error("the server asked to wait {asked} s, more than the {limit} s limit ({url})")]
    TooLongWait {
        /// The wait asked for, in seconds.
        asked: u64,
        /// The limit, in seconds.
        limit: u64,
        /// The URL asked for.
        url: String,
    },
    /// The URL cannot be requested at all (bad syntax, unsupported scheme).
    #[error("cannot request {url}: {reason}")]
    Unusable {
        /// What is wrong.
        reason: String,
        /// The URL.
        url: String,
    },
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
}

impl From<Interrupted> for FetchError {
    fn from(_: Interrupted) -> Self {
        Self::Interrupted
    }
}

/// What one try gave.
enum Attempt {
    Done(Vec<u8>),
    Fatal(FetchError),
    Retry {
        reason: String,
        retry_after: Option<Duration>,
    },
}

/// A blocking, polite HTTP client.
pub struct Client {
    agent: ureq::Agent,
    policy: Policy,
    pacer: Pacer,
    stop: Stop,
    notice: Box<dyn Fn(&str)>,
}

impl Client {
    /// A client following `policy`, stopping when `stop` is set, telling
    /// `notice` about each retry (for the progress display).
    pub fn new(policy: Policy, stop: Stop, notice: Box<dyn Fn(&str)>) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .timeout_global(Some(policy.timeout))
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            agent,
            pacer: Pacer::new(policy.interval()),
            policy,
            stop,
            notice,
        }
    }

    /// The flag that stops this client.
    pub fn stop(&self) -> &Stop {
        &self.stop
    }

    /// GETs `url` and returns the whole body, trying again as the policy says.
    pub fn get(&mut self, url: &str) -> Result<Vec<u8>, FetchError> {
        let mut tries = 0;
        loop {
            self.stop.check()?;
            self.pacer.wait(&self.stop)?;
            tries += 1;
            let (reason, retry_after) = match self.attempt(url)? {
                Attempt::Done(body) => return Ok(body),
                Attempt::Fatal(e) => return Err(e),
                Attempt::Retry {
                    reason,
                    retry_after,
                } => (reason, retry_after),
            };
            if tries > self.policy.retries {
                return Err(FetchError::GaveUp {
                    reason,
                    tries,
                    url: url.to_string(),
                });
            }
            let wait = match retry_after {
                Some(asked) if asked > self.policy.max_wait => {
                    return Err(FetchError::TooLongWait {
                        asked: asked.as_secs(),
                        limit: self.policy.max_wait.as_secs(),
                        url: url.to_string(),
                    });
                }
                Some(asked) => asked,
                None => self.policy.backoff_for(tries),
            };
            (self.notice)(&format!(
                "{reason}; retry {tries} of {} in {:.1} s ({url})",
                self.policy.retries,
                wait.as_secs_f64()
            ));
            // A pause asked by the server holds every request, not just this one.
            self.pacer.hold(wait);
            pace::sleep(wait, &self.stop)?;
        }
    }

    /// One request, on a thread of its own so that Ctrl-C need not wait for
    /// a slow server: the abandoned request writes nothing, so leaving it
    /// to finish or time out in the background is harmless.
    fn attempt(&self, url: &str) -> Result<Attempt, Interrupted> {
        let (tx, rx) = mpsc::channel();
        let (agent, owned, timeout) = (self.agent.clone(), url.to_string(), self.policy.timeout);
        std::thread::spawn(move || {
            let _ = tx.send(request(&agent, &owned, timeout));
        });
        loop {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(attempt) => return Ok(attempt),
                Err(mpsc::RecvTimeoutError::Timeout) => self.stop.check()?,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Ok(Attempt::Retry {
                        reason: "the request failed unexpectedly".into(),
                        retry_after: None,
                    });
                }
            }
        }
    }
}

/// One GET of `url` and its whole body.
fn request(agent: &ureq::Agent, url: &str, timeout: Duration) -> Attempt {
    let mut response = match agent.get(url).call() {
        Ok(r) => r,
        Err(e) => return classify(e, url, timeout),
    };
    let status = response.status();
    if status.is_success() {
        return match response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_vec()
        {
            Ok(body) => Attempt::Done(body),
            Err(ureq::Error::BodyExceedsLimit(n)) => Attempt::Fatal(FetchError::Unusable {
                reason: format!("the response is larger than {n} bytes"),
                url: url.to_string(),
            }),
            Err(e) => Attempt::Retry {
                reason: format!("the response was cut short ({})", describe(&e, timeout)),
                retry_after: None,
            },
        };
    }
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| pace::retry_after(v, jiff::Timestamp::now()));
    let code = status.as_u16();
    let reason = format!(
        "HTTP {code}{}",
        status
            .canonical_reason()
            .map(|r| format!(" {r}"))
            .unwrap_or_default()
    );
    if code == 429 || code == 408 || status.is_server_error() {
        Attempt::Retry {
            reason,
            retry_after,
        }
    } else {
        Attempt::Fatal(FetchError::Refused {
            status: code,
            url: url.to_string(),
        })
    }
}

/// Sorts a transport error into "try again" and "give up".
fn classify(e: ureq::Error, url: &str, timeout: Duration) -> Attempt {
    match e {
        ureq::Error::BadUri(_)
        | ureq::Error::Http(_)
        | ureq::Error::RequireHttpsOnly(_)
        | ureq::Error::InvalidProxyUrl
        | ureq::Error::TooManyRedirects
        | ureq::Error::RedirectFailed => Attempt::Fatal(FetchError::Unusable {
            reason: e.to_string(),
            url: url.to_string(),
        }),
        other => Attempt::Retry {
            reason: describe(&other, timeout),
            retry_after: None,
        },
    }
}

/// A short, readable reason for a transport error.
fn describe(e: &ureq::Error, timeout: Duration) -> String {
    match e {
        ureq::Error::Timeout(_) => {
            format!("no complete answer within {:.1} s", timeout.as_secs_f64())
        }
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}
