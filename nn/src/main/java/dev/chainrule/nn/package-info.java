/**
 * Scalar neural networks on the engine's {@code Value} graph: {@link dev.chainrule.nn.Neuron}, {@link
 * dev.chainrule.nn.Layer} and {@link dev.chainrule.nn.MLP} with named, shareable parameters, and their
 * activations.
 */
package dev.chainrule.nn;
