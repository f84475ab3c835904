//! The simulation worker (runs inside the page's Web Worker, `worker.js`): reads each
//! message as a [`Request`], hands it to its [`Jobs`] (a newer request cancels the running
//! job) and runs the job in slices of about 30 ms, yielding between slices through a
//! `MessageChannel` (no timer clamping), so a newer request is read within a slice. Results
//! and errors are posted as they come; progress at most every 100 ms. Every message
//! it posts is the bytes of a [`Response`] (a `Uint8Array`). The jobs are of the page's own
//! type, named by its entry point ([`start`]).

use std::cell::RefCell;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::view::jobs::{Jobs, PageJob, Request, Response, decode, encode};

/// Longest slice of work between two looks at the message queue, ms.
const SLICE_MS: f64 = 30.0;

/// Least time between two progress messages, ms.
const PROGRESS_MS: f64 = 100.0;

/// The worker's jobs, of the one [`PageJob`] type its page runs (the methods of [`Jobs`]).
trait Queue {
    fn submit(&mut self, request: Request);
    fn busy(&self) -> bool;
    fn step(&mut self) -> Vec<Response>;
    fn progress(&self) -> Option<Response>;
}

impl<J: PageJob> Queue for Jobs<J> {
    fn submit(&mut self, request: Request) {
        Jobs::submit(self, request);
    }
    fn busy(&self) -> bool {
        Jobs::busy(self)
    }
    fn step(&mut self) -> Vec<Response> {
        Jobs::step(self)
    }
    fn progress(&self) -> Option<Response> {
        Jobs::progress(self)
    }
}

/// The worker's state.
struct Worker {
    scope: DedicatedWorkerGlobalScope,
    jobs: Box<dyn Queue>,
    /// The port a slice posts to, to run the next slice after the messages queued meanwhile.
    ping: MessagePort,
    /// Whether a slice is queued.
    queued: bool,
    /// When the last progress was posted (`Date.now()`, ms).
    last_progress: f64,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Installs the worker's message handler, running jobs of type `J`: the page's own
/// ([`crate::view::jobs::PeriodJob`] from `src/main.rs`, the program's from
/// `src/bin/program.rs`), so a page's module carries no other page's simulation. `worker.js`
/// calls it (through the module's `worker_start`) once the module has loaded. Outside a
/// dedicated worker it does nothing.
pub fn start<J: PageJob + 'static>() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let on_request = Closure::<dyn FnMut(MessageEvent)>::new(on_request);
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    on_request.forget();
    let on_ping = Closure::<dyn FnMut(MessageEvent)>::new(|_: MessageEvent| slice());
    channel
        .port1()
        .set_onmessage(Some(on_ping.as_ref().unchecked_ref()));
    on_ping.forget();
    WORKER.with_borrow_mut(|w| {
        *w = Some(Worker {
            scope,
            jobs: Box::new(Jobs::<J>::default()),
            ping: channel.port2(),
            queued: false,
            last_progress: 0.0,
        })
    });
}

/// A message from the page: a request replaces the job; anything else is ignored.
fn on_request(event: MessageEvent) {
    let Ok(bytes) = event.data().dyn_into::<Uint8Array>() else {
        return;
    };
    let request = match decode::<Request>(&bytes.to_vec()) {
        Ok(r) => r,
        Err(e) => {
            web_sys::console::warn_1(&e.to_string().into());
            return;
        }
    };
    WORKER.with_borrow_mut(|w| {
        if let Some(w) = w {
            w.jobs.submit(request);
            w.queue();
        }
    });
}

impl Worker {
    /// Queues a slice unless one is.
    fn queue(&mut self) {
        if !self.queued && self.ping.post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
            self.queued = true;
        }
    }

    /// Posts `response` to the page.
    fn post(&self, response: &Response) {
        let bytes = Uint8Array::from(&encode(response)[..]);
        let _ = self.scope.post_message(&bytes);
    }

    /// Steps the job for up to [`SLICE_MS`]; posts what finished, and the progress when due.
    fn run_slice(&mut self) {
        self.queued = false;
        let start = js_sys::Date::now();
        while self.jobs.busy() {
            for r in self.jobs.step() {
                self.post(&r);
            }
            if js_sys::Date::now() - start >= SLICE_MS {
                break;
            }
        }
        let now = js_sys::Date::now();
        if now - self.last_progress >= PROGRESS_MS
            && let Some(p) = self.jobs.progress()
        {
            self.post(&p);
            self.last_progress = now;
        }
        if self.jobs.busy() {
            self.queue();
        }
    }
}

/// Runs one slice of the worker's job.
fn slice() {
    WORKER.with_borrow_mut(|w| {
        if let Some(w) = w {
            w.run_slice();
        }
    });
}
