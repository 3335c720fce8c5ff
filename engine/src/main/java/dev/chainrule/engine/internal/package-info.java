/**
 * Kernels of the engine: matrix multiplication (plain and on the Vector API), ReLU's and the
 * arithmetic ops' loops, and strided row iteration; and {@link dev.chainrule.engine.internal.JsonText},
 * the JSON string quoting that nn and the CLI share. <b>Not API</b>: public only so that the
 * engine's packages and Chainrule's other modules can share them; they may change or go away in any
 * release without notice. Use {@link dev.chainrule.engine.Tensor} instead.
 */
package dev.chainrule.engine.internal;
