/**
 * The {@code chainrule} command-line application (an application, not API).
 */
package dev.chainrule.cli;
