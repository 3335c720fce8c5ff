/**
 * Pictures of graphs: DOT, SVG, PNG and PDF of any scalar or tensor graph ({@link
 * dev.chainrule.viz.GraphRenderer}), backward-pass slide decks ({@link dev.chainrule.viz.SlideDeck}) and
 * charts ({@link dev.chainrule.viz.Charts}). Reads graphs only through the engine's public {@code Graph}
 * view.
 */
package dev.chainrule.viz;
