/**
 * Tensor layers: {@link dev.chainrule.nn.tensor.Linear}, activation layers, {@link
 * dev.chainrule.nn.tensor.Sequential} and seeded weight initialisation.
 */
package dev.chainrule.nn.tensor;
