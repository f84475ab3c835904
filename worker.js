// The page's simulation worker (a module worker; src/web/worker.rs runs in it). The page
// starts it as `worker.js?js=APP_JS&wasm=APP_WASM` (absolute URLs of the page's own app
// module, from boot.js's script tag; src/ui/worker.rs): it loads that module (which mounts
// nothing in a worker), hands over the messages that arrived meanwhile, and from then on the
// module answers them. If the module cannot load, it says so in one message
// `{ failed: "why" }`.
const early = [];
self.onmessage = (e) => early.push(e.data);
try {
  const q = new URL(self.location.href).searchParams;
  const app = await import(q.get("js"));
  await app.default({ module_or_path: q.get("wasm") });
  self.onmessage = null;
  app.worker_start();
  for (const data of early) self.dispatchEvent(new MessageEvent("message", { data }));
} catch (e) {
  self.postMessage({ failed: String(e && e.message ? e.message : e) });
}
