// Loads the wasm-bindgen module whose (hashed) names Trunk wrote into the script tag's data
// attributes. A separate file because the page's Content-Security-Policy allows no inline script.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
