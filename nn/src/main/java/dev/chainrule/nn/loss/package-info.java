/**
 * Losses in scalar and tensor form: MSE, half sum of squares, binary and softmax cross-entropy, hinge and L2.
 */
package dev.chainrule.nn.loss;
