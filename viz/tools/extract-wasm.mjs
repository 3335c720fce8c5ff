// Extracts Graphviz's WebAssembly module from the npm package @viz-js/viz (lib/backend.js).
//
// Emscripten's SINGLE_FILE build keeps the module inside backend.js as one JavaScript string
// literal, passed to binaryDecode('...'). Each UTF-16 unit c of that string stands for the byte
// (~c >> 8) & c (Emscripten's binaryDecode, copied below), so bytes that cannot sit in a
// string literal as they are get another code unit. This script reads the literal without
// running any of the package's code: it finds the call, checks that the argument is one plain
// single-quoted literal, lets the JavaScript parser unescape it, and decodes it.
//
// Regenerate the vendored module (see viz/src/main/wasm/PROVENANCE.md):
//   cd /tmp && npm pack @viz-js/viz@3.31.0 && tar xzf viz-js-viz-3.31.0.tgz
//   node viz/tools/extract-wasm.mjs /tmp/package/lib/backend.js \
//        viz/src/main/wasm/graphviz.wasm
//   sha256sum viz/src/main/wasm/graphviz.wasm   # must match PROVENANCE.md
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node extract-wasm.mjs path/to/lib/backend.js out.wasm");
  process.exit(2);
}
const source = readFileSync(input, "utf8");
const call = "binaryDecode('";
const calls = source.split(call).length - 1;
if (calls !== 1) {
  console.error(`expected one ${call}...') in ${input}, found ${calls}: another version of the package?`);
  process.exit(1);
}
const start = source.indexOf(call) + call.length - 1;   // at the opening quote
let end = start + 1;
while (source[end] !== "'") {
  end += source[end] === "\\" ? 2 : 1;
  if (end >= source.length) {
    console.error("the string literal never ends");
    process.exit(1);
  }
}
const literal = source.slice(start, end + 1);
// Only a single-quoted literal reaches the parser: quotes inside it are escaped, so it cannot end early.
const text = new Function(`"use strict"; return ${literal};`)();

function binaryDecode(bin) {       // as in backend.js
  const o = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; ++i) {
    const c = bin.charCodeAt(i);
    o[i] = ~c >> 8 & c;
  }
  return o;
}
const bytes = binaryDecode(text);
if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
  console.error("the decoded bytes do not start with the WebAssembly magic \\0asm");
  process.exit(1);
}
writeFileSync(output, bytes);
console.log(`${output}: ${bytes.length} bytes`);
