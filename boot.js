const tag = document.querySelector("script[data-js][data-wasm]");
const at = (p) => new URL(p, document.baseURI).href;
const mark = (name) => performance.mark(`minerhedge:${name}`);
const d = tag.dataset;
let app;
try {
  const coreJs = import(at(d.coreJs));
  const bytes = await (await fetch(at(d.coreWasm))).arrayBuffer();
  app = [import(at(d.js)), fetch(at(d.wasm))];
  const core = await coreJs;
  await core.default({ module_or_path: bytes });
  mark("core-ready");
  core.first_paint();
} catch (e) {
  console.error("minerhedge: the first chart could not be drawn early:", e);
}
app ??= [import(at(d.js)), fetch(at(d.wasm))];
const mod = await app[0];
await mod.default({ module_or_path: app[1] });
window.minerhedge = mod;
mark("app-ready");
