/**
 * The course material's worked examples, one runnable program each (an application, not API).
 */
package dev.chainrule.examples;
