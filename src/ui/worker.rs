//! The page's simulation worker (not a component): one Web Worker per page (`worker.js`
//! running the page's app module's [`crate::web::worker`]), started by the first runner that needs
//! it, when the app mounts. Each runner ([`runner`]: the period page's Monte Carlo, the
//! program's simulation) sends its jobs ([`Runner::send`]) and gets the responses of its
//! latest job only: a response of an older job (of any runner) is dropped, so a stale result
//! never overwrites a newer one. Messages are the bytes of [`crate::view::jobs`].
//!
//! The worker runs the page's own app module (the boot script's tag's `data-js` and
//! `data-wasm`, relative to the page: the files the page has just loaded, so the worker costs
//! no download; `src/main.rs` and `src/bin/program.rs` mount nothing in a worker and export
//! its `worker_start`). Without them, or when the worker reports an error
//! or that its module could not load (`{ failed }`), every runner hears [`Event::Failed`] and
//! the page shows that the simulation could not start; the rest of the page works on.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Url, Worker, WorkerOptions, WorkerType};

use crate::view::jobs::{Body, Kind, Request, Response, decode, encode};

/// What a runner hears.
#[derive(Debug, Clone)]
pub enum Event {
    /// A response of its latest job.
    Body(Body),
    /// The worker could not start, or stopped: why.
    Failed(String),
}

/// The sentence the panels show when the worker could not start.
pub fn could_not_start(why: &str) -> String {
    format!("The simulation could not start: {why}")
}

/// A runner's handler.
type Handler = Rc<dyn Fn(Event)>;

/// A registered runner: the id of its latest job (0: none) and its handler.
struct Route {
    latest: u64,
    handler: Handler,
}

/// The page's worker and its runners.
struct Client {
    /// The worker, or why there is none.
    worker: Result<Worker, String>,
    /// The last job id given.
    last_id: u64,
    routes: Vec<Route>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// A runner's handle (see [`runner`]).
#[derive(Debug, Clone, Copy)]
pub struct Runner(usize);

/// Registers a runner that hears the responses of its latest job through `handler` (and a
/// failure of the worker); starts the page's worker on the first call.
pub fn runner(handler: impl Fn(Event) + 'static) -> Runner {
    CLIENT.with_borrow_mut(|c| {
        let client = c.get_or_insert_with(|| Client {
            worker: start(),
            last_id: 0,
            routes: Vec::new(),
        });
        client.routes.push(Route {
            latest: 0,
            handler: Rc::new(handler),
        });
        Runner(client.routes.len() - 1)
    })
}

impl Runner {
    /// Sends a job of `kind`; the responses of this runner's earlier jobs are dropped from
    /// now on. `Err` says why the worker cannot run it (it could not start).
    pub fn send(self, kind: Kind) -> Result<(), String> {
        CLIENT.with_borrow_mut(|c| {
            let client = c.as_mut().ok_or("no worker")?;
            client.last_id += 1;
            let id = client.last_id;
            if let Some(route) = client.routes.get_mut(self.0) {
                route.latest = id;
            }
            let worker = client.worker.as_ref().map_err(Clone::clone)?;
            let bytes = Uint8Array::from(&encode(&Request { id, kind })[..]);
            worker
                .post_message(&bytes)
                .map_err(|e| describe(&e, "the worker refused the job"))
        })
    }

    /// Drops the responses of this runner's running job (its inputs became invalid).
    pub fn cancel(self) {
        CLIENT.with_borrow_mut(|c| {
            if let Some(route) = c.as_mut().and_then(|c| c.routes.get_mut(self.0)) {
                route.latest = 0;
            }
        });
    }
}

/// A thrown JS value as text (`fallback` when it has none).
fn describe(e: &JsValue, fallback: &str) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

/// The worker script's URL: `worker.js?js=…&wasm=…` next to the page, with the app
/// module's absolute URLs from the boot script's tag.
fn worker_url() -> Result<String, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let base = document
        .base_uri()
        .ok()
        .flatten()
        .ok_or("the page has no base URL")?;
    let tag = document
        .query_selector("script[data-js][data-wasm]")
        .ok()
        .flatten()
        .ok_or("the page names no simulation module")?;
    let absolute = |attribute: &str| {
        let relative = tag.get_attribute(attribute).unwrap_or_default();
        Url::new_with_base(&relative, &base)
            .map(|u| u.href())
            .map_err(|_| format!("bad {attribute}"))
    };
    let url = Url::new_with_base("worker.js", &base).map_err(|_| "bad base URL")?;
    let query = url.search_params();
    query.set("js", &absolute("data-js")?);
    query.set("wasm", &absolute("data-wasm")?);
    Ok(url.href())
}

/// Starts the page's worker and listens to it.
fn start() -> Result<Worker, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(&worker_url()?, &options)
        .map_err(|e| describe(&e, "the browser refused the worker"))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A script that fails to load fires a plain `Event`; an error inside the worker an
    // `ErrorEvent` with its message.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        let why = e
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
        fail(if why.is_empty() {
            "the worker's script could not load".to_owned()
        } else {
            why
        });
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(worker)
}

/// A message of the worker: a response for its runner, or `{ failed }`.
fn on_message(event: MessageEvent) {
    let data = event.data();
    let Ok(bytes) = data.dyn_into::<Uint8Array>() else {
        let failed = js_sys::Reflect::get(&event.data(), &JsValue::from_str("failed"))
            .ok()
            .and_then(|f| f.as_string());
        if let Some(why) = failed {
            fail(why);
        }
        return;
    };
    match decode::<Response>(&bytes.to_vec()) {
        Ok(response) => deliver(response),
        Err(e) => web_sys::console::warn_1(&e.to_string().into()),
    }
}

/// Hands `response` to the runner whose latest job it belongs to (to none if stale).
fn deliver(response: Response) {
    let handler = CLIENT.with_borrow(|c| {
        c.as_ref()?
            .routes
            .iter()
            .find(|r| r.latest == response.id && response.id != 0)
            .map(|r| Rc::clone(&r.handler))
    });
    // Called with the client released: a handler may send a job.
    if let Some(handler) = handler {
        handler(Event::Body(response.body));
    }
}

/// The worker is unusable: says why to every runner.
fn fail(why: String) {
    let handlers: Vec<Handler> = CLIENT.with_borrow_mut(|c| {
        c.as_mut()
            .map(|c| {
                if let Ok(worker) = &c.worker {
                    worker.terminate();
                }
                c.worker = Err(why.clone());
                c.routes.iter().map(|r| Rc::clone(&r.handler)).collect()
            })
            .unwrap_or_default()
    });
    for handler in handlers {
        handler(Event::Failed(why.clone()));
    }
}
