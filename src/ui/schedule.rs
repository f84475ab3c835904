//! When slow work runs (not a component): what need not follow every frame of a drag waits
//! until the drag pauses, and what lies below the first screen mounts after the first paint,
//! so a slider keeps the main chart live at 60 Hz (the simulations run in the page's worker:
//! [`super::worker`]).
//!
//! - [`settled`]: a memo that follows another at once, except while a slider is dragged
//!   (its `input` events before the `change` of its release): then once the other has
//!   stopped changing for [`SETTLE`], and at the release. The payoff and comparison tables,
//!   the heat map and the frontier's marks follow the displayed model through it.
//! - [`paint_stages`]: counts the frames painted since the page mounted, so what lies below
//!   the first screen mounts a stage per frame after the first chart is on screen.
//! - [`mount_after_paint`]: mounts a view into an element once the first frame is painted,
//!   as a root of its own (the period page's decision panels: the app's first task stays
//!   short, and their view is built as a plain static tree).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout, set_timeout_with_handle};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long an input must stay unchanged before the work that waits for a pause runs: longer
/// than the gap between two steps of a drag, short enough to feel immediate when it stops.
pub const SETTLE: Duration = Duration::from_millis(200);

/// `memo`'s value (it starts equal), followed at once, except while a slider is dragged
/// (`dragging`, see [`PageState::slide`](super::state::PageState::slide)): then once `memo` has
/// not changed for `quiet` (which ends the drag), and at the release. Discrete changes
/// (typing, a click, a keyboard step of a slider) pass at once; during a drag, what reads the
/// result runs only when the drag pauses or ends.
pub fn settled<T>(memo: Memo<T>, quiet: Duration, dragging: RwSignal<bool>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // A counter, not a copy of the value: the result re-reads `memo` when it fires.
    let fired = RwSignal::new(0u32);
    let fire = move || {
        fired.try_update(|n| *n = n.wrapping_add(1));
    };
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |ran: Option<()>| {
        memo.track();
        // Tracked: the release fires at once.
        let drag = dragging.get();
        if ran.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if !drag {
            fire();
            return;
        }
        // A pause ends the drag (a drag without a release, as synthetic input events make,
        // holds nothing after it): the effect runs again and fires.
        let pause = move || {
            dragging.try_set(false);
        };
        pending.set_value(set_timeout_with_handle(pause, quiet).ok());
    });
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    Memo::new(move |_| {
        fired.track();
        memo.get_untracked()
    })
}

/// Runs `then` in a task queued from the next frame's `requestAnimationFrame`: just after that
/// frame is painted (in a task of its own at once where no frame can be requested).
fn after_next_paint(then: impl FnOnce() + 'static) {
    let slot = Rc::new(Cell::new(Some(then)));
    let queue = {
        let slot = Rc::clone(&slot);
        move || {
            if let Some(then) = slot.take() {
                set_timeout(then, Duration::ZERO);
            }
        }
    };
    let requested = web_sys::window().is_some_and(|w| {
        let callback = Closure::once_into_js(queue);
        w.request_animation_frame(callback.unchecked_ref()).is_ok()
    });
    if !requested && let Some(then) = slot.take() {
        set_timeout(then, Duration::ZERO);
    }
}

/// Mounts `view` into `node` just after the next frame is painted, in a root of its own that
/// lives as long as the page, with the page's context (`provide` runs first inside it).
pub fn mount_after_paint<V: IntoView + 'static>(
    node: NodeRef<leptos::html::Div>,
    provide: impl FnOnce() + 'static,
    view: impl FnOnce() -> V + 'static,
) {
    after_next_paint(move || {
        let Some(el) = node.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlElement = el.into();
        leptos::mount::mount_to(el, move || {
            provide();
            view()
        })
        .forget();
    });
}

/// How many frames the browser has painted since the call, counting up to `stages`: one more
/// just after each paint. A page mounts what lies below its first screen in stages behind
/// it — the first stage once the first frame (with the first chart) is on screen, the next
/// after the frame that shows it — so no frame waits for all of that DOM and its layout.
pub fn paint_stages(stages: u32) -> ReadSignal<u32> {
    fn next(set: WriteSignal<u32>, done: u32, stages: u32) {
        if done < stages {
            after_next_paint(move || {
                set.set(done + 1);
                next(set, done + 1, stages);
            });
        }
    }
    let (painted, set_painted) = signal(0u32);
    next(set_painted, 0, stages);
    painted
}
