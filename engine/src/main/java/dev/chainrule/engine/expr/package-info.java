/**
 * The expression language: {@code q = x + y; f = q·z} parsed into a {@link
 * dev.chainrule.engine.expr.Program} that builds a {@code Value} graph, with errors at line:column and a
 * caret.
 */
package dev.chainrule.engine.expr;
