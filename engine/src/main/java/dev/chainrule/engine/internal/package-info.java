/**
 * Kernels of the engine: matrix multiplication (plain and on the Vector API), ReLU's and the
 * arithmetic ops' loops, and strided row iteration. <b>Not API</b>: public only so that the
 * engine's packages can share them; they may change or go away in any release without notice.
 * Use {@link dev.chainrule.engine.Tensor} instead.
 */
package dev.chainrule.engine.internal;
