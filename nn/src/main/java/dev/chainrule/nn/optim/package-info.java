/**
 * Optimizers that update parameters in place without recording a graph: SGD with momentum, weight decay
 * and schedules, Adam and AdamW.
 */
package dev.chainrule.nn.optim;
