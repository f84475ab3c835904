"""Removes the wasm-streams exports from a wasm-bindgen module (in place).

Leptos 0.8 depends on server_fn with its `browser` feature, which brings wasm-streams, whose
`#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource)
are exported by every page although no page streams anything: an export is a root that no
optimizer may remove. Without the exports, `wasm-opt` drops the code only they reach. The
JavaScript glue keeps the classes; their methods would call the missing exports only if a
page created a stream, which none does (tests/e2e opens every page).

    python3 .ci/strip-exports.py MODULE_bg.wasm
"""
import sys

PREFIXES = ("intounderlying", "__wbg_intounderlying")


def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def strip(data):
    if data[:4] != b"\0asm":
        raise SystemExit("strip-exports: not a wasm module")
    out, i, removed = bytearray(data[:8]), 8, []
    while i < len(data):
        section = data[i]
        size, i = leb(data, i + 1)
        body = data[i : i + size]
        i += size
        if section == 7:  # exports: name, kind byte, index
            count, j = leb(body, 0)
            kept = []
            for _ in range(count):
                start = j
                length, j = leb(body, j)
                name = body[j : j + length].decode()
                _, j = leb(body, j + length + 1)
                if name.startswith(PREFIXES):
                    removed.append(name)
                else:
                    kept.append(body[start:j])
            body = uleb(len(kept)) + b"".join(kept)
        out.append(section)
        out += uleb(len(body)) + body
    return bytes(out), removed


if __name__ == "__main__":
    path = sys.argv[1]
    stripped, removed = strip(open(path, "rb").read())
    open(path, "wb").write(stripped)
    print(f"strip-exports: {path}: {len(removed)} wasm-streams exports removed")
