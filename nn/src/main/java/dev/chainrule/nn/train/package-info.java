/**
 * The training loop: {@link dev.chainrule.nn.train.Trainer} with epochs, mini-batches, callbacks, history
 * and early stopping.
 */
package dev.chainrule.nn.train;
