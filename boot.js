// Loads the wasm-bindgen module whose (hashed) names Trunk wrote into the script tag's data
// attributes. A separate file because the page's Content-Security-Policy allows no inline
// script. The module's exports stay reachable as `window.minerhedge` (the browser benchmark
// calls its `bench_*` functions).
const tag = document.querySelector("script[data-js][data-wasm]");
const mod = await import(new URL(tag.dataset.js, document.baseURI).href);
await mod.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
window.minerhedge = mod;
