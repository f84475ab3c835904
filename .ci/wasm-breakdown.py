#!/usr/bin/env python3
"""Where a wasm module's bytes go: its function bodies summed by crate and by module path.

Reads the code section and the function names of a wasm file that keeps its name section:
wasm-bindgen's output before wasm-opt, e.g. for the core module

    cargo build --release --target wasm32-unknown-unknown --bin core
    wasm-bindgen --target web --out-dir /tmp/names target/wasm32-unknown-unknown/release/core.wasm
    python3 .ci/wasm-breakdown.py /tmp/names/core_bg.wasm

(the period page's app: `--no-default-features --bin minerhedge`; the program page's:
`--bin program`). Sizes are of the bodies before wasm-opt, so they are larger than the page's,
but their shares are what the page ships. Data (string constants, tables) is one line of its
own.
Options: --depth N (module path segments, default 2), --top N (rows, default 25).
"""

import argparse
import collections
import re
import sys


def leb(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(data):
    if data[:4] != b"\0asm":
        sys.exit("wasm-breakdown: not a wasm file")
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        yield sid, data[i : i + size]
        i += size


def imported_functions(body):
    count, i = leb(body, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(body, i)
            i += n
        kind = body[i]
        i += 1
        if kind == 0:
            _, i = leb(body, i)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            i += 1
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 2:  # memory: limits
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:  # global: type, mutability
            i += 2
        else:
            _, i = leb(body, i)
    return funcs


def body_sizes(body):
    count, i = leb(body, 0)
    sizes = []
    for _ in range(count):
        size, i = leb(body, i)
        sizes.append(size)
        i += size
    return sizes


def function_names(body):
    names = {}
    i = 0
    while i < len(body):
        sub = body[i]
        size, i = leb(body, i + 1)
        end = i + size
        if sub == 1:
            count, j = leb(body, i)
            for _ in range(count):
                index, j = leb(body, j)
                n, j = leb(body, j)
                names[index] = body[j : j + n].decode("utf-8", "replace")
                j += n
        i = end
    return names


LEGACY_ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$C$": ",", "..": "::"}


def demangle(name):
    """`a::b::c` of a Rust symbol (legacy `_ZN…E` or v0 `_R…`; enough for grouping)."""
    if name.startswith("_ZN"):
        parts, i = [], 3
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j : j + n])
            i = j + n
        text = "::".join(parts)
        for escape, plain in LEGACY_ESCAPES.items():
            text = text.replace(escape, plain)
        return re.sub(r"\$u[0-9a-f]+\$", "", text).lstrip("_")
    if name.startswith("_R"):
        # Length-prefixed identifiers after the crate root `C[s<disambiguator>_]`.
        root = re.search(r"C(?:s[0-9A-Za-z]*_)?(?=\d)", name)
        parts, i = [], root.end() if root else len(name)
        while i < len(name):
            if not name[i].isdigit():
                i += 1
                continue
            j = i
            while j < len(name) and name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j : j + n])
            i = j + n
        return "::".join(parts)
    return name


def path_of(name):
    """Module path segments of a Rust name (`<A as B>::f` and `<impl A>::f` count as A)."""
    name = re.sub(r"::h[0-9a-f]{16}$", "", demangle(name))
    name = re.sub(r"\[[0-9a-f]+\]", "", name.replace("impl ", ""))
    while name.startswith("<"):
        name = name[1:]
    # `<T as a::b::Trait>::f` (a blanket impl on a bare type): the trait's path.
    head, _, trait = name.partition(" as ")
    if trait and "::" not in head:
        name = trait
    name = re.split(r" as |[<>]", name, maxsplit=1)[0]
    parts = [p for p in name.split("::") if p]
    return parts or ["?"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wasm")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    data = open(args.wasm, "rb").read()
    imports, sizes, names, data_bytes = 0, [], {}, 0
    for sid, body in sections(data):
        if sid == 2:
            imports = imported_functions(body)
        elif sid == 10:
            sizes = body_sizes(body)
        elif sid == 11:
            data_bytes = len(body)
        elif sid == 0 and body[1 : 1 + body[0]] == b"name":
            names = function_names(body[1 + body[0] :])
    if not names:
        sys.exit("wasm-breakdown: no name section (use cargo's output, before wasm-opt)")
    total = sum(sizes) + data_bytes
    by_crate, by_module = collections.Counter(), collections.Counter()
    for k, size in enumerate(sizes):
        parts = path_of(names.get(imports + k, "?"))
        by_crate[parts[0]] += size
        by_module["::".join(parts[: args.depth])] += size
    by_crate["(data)"] = data_bytes
    print(f"{args.wasm}: {total:,} bytes of code and data ({len(sizes)} functions)")
    for title, counter in (("by crate", by_crate), (f"by module (depth {args.depth})", by_module)):
        print(f"\n{title}:")
        for key, size in counter.most_common(args.top):
            print(f"  {size:>10,}  {100 * size / total:5.1f} %  {key}")


if __name__ == "__main__":
    main()
