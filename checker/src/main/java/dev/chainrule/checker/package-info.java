/**
 * Judges a student's hand-worked numbers for a program of the expression language: reads the
 * course material's answer notation, gives each answer a verdict at the precision it was written
 * (ok, right with rounding, wrong, unclear, unreadable), and names a wrong answer's mistake from
 * a catalogue of backprop slips, each recognised by recomputing the network with it made.
 * Entry point: {@link dev.chainrule.checker.Checker#check(Problem, String)}.
 */
package dev.chainrule.checker;
