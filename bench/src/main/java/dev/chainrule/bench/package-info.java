/**
 * JMH benchmarks and the workload runner behind the README's performance figures (a tool, not API).
 */
package dev.chainrule.bench;
