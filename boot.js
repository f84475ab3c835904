const tag = document.querySelector("script[data-js][data-wasm]");
const mod = await import(new URL(tag.dataset.js, document.baseURI).href);
await mod.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
window.minerhedge = mod;
