const v = new URLSearchParams(location.search).get("view");
if (v && v.trim().toLowerCase() === "program") location.replace(new URL("program/" + location.search + location.hash, document.baseURI).href);
