// The page's simulation worker (a module worker; src/web/worker.rs runs in it). The page
// starts it as `worker.js?js=CORE_JS&wasm=CORE_WASM` (absolute URLs of the core module's
// wasm-bindgen JavaScript and wasm, from boot.js's script tag): it loads that module, hands
// over the messages that arrived meanwhile, and from then on the module answers them. If the
// module cannot load, it says so in one message `{ failed: "why" }`.
const early = [];
self.onmessage = (e) => early.push(e.data);
try {
  const q = new URL(self.location.href).searchParams;
  const core = await import(q.get("js"));
  await core.default({ module_or_path: q.get("wasm") });
  self.onmessage = null;
  core.worker_start();
  for (const data of early) self.dispatchEvent(new MessageEvent("message", { data }));
} catch (e) {
  self.postMessage({ failed: String(e && e.message ? e.message : e) });
}
