/**
 * Classic models from the course material: the perceptron rule and logistic regression.
 */
package dev.chainrule.nn.models;
