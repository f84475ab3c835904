#!/usr/bin/env python3
"""Size budget of the built site (dist/, after `bash .ci/build`), page by page.

A page is an .html file of dist/ or its folders (program/index.html). For each page it
prints every file the page fetches, raw and gzip -9, in two groups, and fails when a group is
over its budget:

- the first chart's path: the HTML, its stylesheets and scripts (route.js, boot.js), and the
  core module that draws the first chart (the boot tag's data-core-js and data-core-wasm, see
  boot.js and src/web/first_paint.rs), with what their JavaScript imports. Budget 200,000
  bytes gzipped.
- everything: the above plus the app (the boot tag's data-js and data-wasm) and the
  simulation worker's script (worker.js beside the page; the worker loads the same core
  module, from the cache). Budget 500,000 bytes gzipped.

A file two pages load (boot.js, the core module) counts for both: each page is what a first
visit to it downloads.

    python3 .ci/size.py [DIST]
"""

import gzip
import pathlib
import re
import sys

FIRST_CHART_BUDGET = 200_000
ALL_BUDGET = 500_000

ROOT = pathlib.Path(__file__).resolve().parent.parent


def gz(path):
    return len(gzip.compress(path.read_bytes(), 9))


def fail(message):
    print(f"size: {message}", file=sys.stderr)
    sys.exit(1)


def resolve(dist, page_dir, ref, page_name):
    if re.match(r"^(https?:)?//", ref):
        fail(f"{page_name} loads {ref} from another origin")
    path = (dist / ref.lstrip("/")) if ref.startswith("/") else (page_dir / ref)
    path = pathlib.Path(re.sub(r"[?#].*$", "", str(path))).resolve()
    if not path.is_file():
        fail(f"{page_name} references {ref}, which is not in {dist}")
    return path


def js_imports(path):
    """Static and dynamic imports of a JavaScript file, as written."""
    text = path.read_text(errors="replace")
    return re.findall(r"""(?:from|import)\s*\(?\s*['"]([^'"]+\.js)['"]""", text)


def closure(dist, page_dir, refs, page_name, seen):
    """The files of `refs` and what their JavaScript imports, each once (in `seen`)."""
    files = []
    queue = [(page_dir, r) for r in refs]
    while queue:
        base, ref = queue.pop(0)
        path = resolve(dist, base, ref, page_name)
        if path in seen:
            continue
        seen.add(path)
        files.append(path)
        if path.suffix == ".js":
            queue.extend((path.parent, r) for r in js_imports(path))
    return files


def page_files(dist, html):
    """(first chart's path, later) files of one page."""
    text = html.read_text()
    name = str(html.relative_to(dist))
    boot = re.search(r"<script[^>]*\bdata-core-js=[^>]*>", text)
    if boot is None:
        fail(f"{name} has no boot script tag with data-core-js: is {dist} a build of .ci/build?")
    attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', boot.group(0)))
    first_refs = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', text)
    first_refs += re.findall(r'<script[^>]*\bsrc="([^"]+)"', text)
    first_refs += [attrs["data-core-js"], attrs["data-core-wasm"]]
    later_refs = [attrs["data-js"], attrs["data-wasm"]]
    if (html.parent / "worker.js").is_file():
        later_refs.append("worker.js")
    seen = {html.resolve()}
    first = [html.resolve()] + closure(dist, html.parent, first_refs, name, seen)
    later = closure(dist, html.parent, later_refs, name, seen)
    return name, first, later


def report(dist, files, title):
    total = 0
    print(f"  {title}")
    for path in files:
        size = gz(path)
        total += size
        rel = path.relative_to(dist)
        print(f"    {str(rel):44} {path.stat().st_size:9} bytes raw {size:9} bytes gzip")
    return total


def main():
    dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist").resolve()
    pages = sorted(dist.rglob("*.html"))
    if not pages:
        fail(f"no {dist}/*.html: run bash .ci/build first")
    over = []
    for html in pages:
        name, first, later = page_files(dist, html)
        print(f"page {name}")
        first_total = report(dist, first, "first chart's path")
        later_total = report(dist, later, "after the first chart")
        everything = first_total + later_total
        print(
            f"  {name}: first chart's path {first_total:,} bytes gzipped (budget "
            f"{FIRST_CHART_BUDGET:,}); everything {everything:,} (budget {ALL_BUDGET:,})"
        )
        if first_total > FIRST_CHART_BUDGET:
            over.append(f"{name}: first chart's path over by {first_total - FIRST_CHART_BUDGET:,}")
        if everything > ALL_BUDGET:
            over.append(f"{name}: everything over by {everything - ALL_BUDGET:,}")
    for line in over:
        print(f"size: {line}", file=sys.stderr)
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
