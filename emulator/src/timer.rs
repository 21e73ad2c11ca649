//! The timer seam: everything the core awaits on a clock (fault delays, `cut-delay-ms`, pauses
//! between events, body deadlines, the MCP timeout) sleeps through [`sleep`]. Natively that is
//! tokio's timer; in wasm (where tokio has no timer) the runtime's `setTimeout`, cleared again
//! when the sleep is dropped early, so a cancelled stream leaves no timer keeping a runtime alive.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A sleep: `Send`, so it fits in any handler's or body's future.
pub type Sleep = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// Resolves after `duration`.
#[cfg(not(target_arch = "wasm32"))]
pub fn sleep(duration: Duration) -> Sleep {
    Box::pin(tokio::time::sleep(duration))
}

/// Resolves after `duration`.
#[cfg(target_arch = "wasm32")]
pub fn sleep(duration: Duration) -> Sleep {
    Box::pin(js::JsSleep::new(duration))
}

/// `work`'s output, or `None` if `limit` passes first (`work` is then dropped).
pub async fn timeout<F: Future>(limit: Duration, work: F) -> Option<F::Output> {
    let work = std::pin::pin!(work);
    match futures_util::future::select(work, sleep(limit)).await {
        futures_util::future::Either::Left((output, _)) => Some(output),
        futures_util::future::Either::Right(_) => None,
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    //! `setTimeout` as a `Send` future. The JavaScript handles stay in a thread-local table (wasm
    //! without the `atomics` feature has one thread), so the future itself holds only a key.

    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Poll, Waker};
    use std::time::Duration;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = setTimeout)]
        fn set_timeout(handler: &JsValue, ms: f64) -> JsValue;
        #[wasm_bindgen(js_name = clearTimeout)]
        fn clear_timeout(handle: &JsValue);
    }

    thread_local! {
        static TIMERS: RefCell<HashMap<u32, JsValue>> = RefCell::new(HashMap::new());
        static NEXT: Cell<u32> = const { Cell::new(0) };
    }

    #[derive(Default)]
    struct Shared {
        fired: bool,
        waker: Option<Waker>,
    }

    fn lock(shared: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
        shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One pending `setTimeout`.
    pub struct JsSleep {
        shared: Arc<Mutex<Shared>>,
        key: u32,
    }

    impl JsSleep {
        pub fn new(duration: Duration) -> Self {
            let shared = Arc::new(Mutex::new(Shared::default()));
            let key = NEXT.with(|n| {
                let k = n.get();
                n.set(k.wrapping_add(1));
                k
            });
            let fired = shared.clone();
            // Freed when it runs; a timer cleared first leaks this one small closure.
            let callback = Closure::once_into_js(move || {
                TIMERS.with(|t| t.borrow_mut().remove(&key));
                let waker = {
                    let mut s = lock(&fired);
                    s.fired = true;
                    s.waker.take()
                };
                if let Some(w) = waker {
                    w.wake();
                }
            });
            let handle = set_timeout(&callback, duration.as_secs_f64() * 1000.0);
            TIMERS.with(|t| t.borrow_mut().insert(key, handle));
            Self { shared, key }
        }
    }

    impl Future for JsSleep {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let mut s = lock(&self.shared);
            if s.fired {
                return Poll::Ready(());
            }
            s.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }

    impl Drop for JsSleep {
        fn drop(&mut self) {
            if let Some(handle) = TIMERS.with(|t| t.borrow_mut().remove(&self.key)) {
                clear_timeout(&handle);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn timeout_tells_a_late_answer_from_an_early_one() {
        assert_eq!(timeout(Duration::from_secs(5), async { 7 }).await, Some(7));
        let late = timeout(Duration::from_millis(5), sleep(Duration::from_secs(5))).await;
        assert_eq!(late, None);
    }
}
