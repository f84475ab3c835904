// The period page's router: a link that asks for the program view (`view=program`) opens the
// program page, which is its own, smaller wasm module, with the same query. Runs before the
// period page's module is fetched.
const view = new URLSearchParams(location.search).get("view");
if (view !== null && view.trim().toLowerCase() === "program") {
  location.replace(new URL("program/" + location.search + location.hash, document.baseURI).href);
}
