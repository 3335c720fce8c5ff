/**
 * Tabular data for training: CSV reading, one-hot columns, standardisation, seeded splits and mini-
 * batches, and classification metrics.
 */
package dev.chainrule.nn.data;
