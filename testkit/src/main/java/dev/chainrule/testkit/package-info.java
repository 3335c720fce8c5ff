/**
 * Property testing of gradients for JUnit 5: random inputs and random expression graphs checked against
 * finite differences, shrunk to a smallest failing expression, with seeded replay ({@link
 * dev.chainrule.testkit.GradientProperties}).
 */
package dev.chainrule.testkit;
