/**
 * Saving and loading model parameters as JSON, atomically, refusing a file that does not match the model.
 */
package dev.chainrule.nn.io;
