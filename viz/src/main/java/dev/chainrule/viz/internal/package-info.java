/**
 * Not API. Holds {@code GraphvizWasmModule}, which the Chicory compiler plugin generates at build
 * time from {@code src/main/wasm/graphviz.wasm} (Graphviz compiled to WebAssembly, then to JVM
 * bytecode); {@code dev.chainrule.viz} runs it.
 */
package dev.chainrule.viz.internal;
