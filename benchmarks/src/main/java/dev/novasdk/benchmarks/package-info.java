/**
 * Speed and memory measurements of the SDK against hand-written Apache HttpClient 5 + Jackson code, talking to
 * an in-process loopback Nova: JMH benchmarks ({@code java -jar benchmarks/target/benchmarks.jar}) and
 * {@link dev.novasdk.benchmarks.CpuPerCallHarness}, which reports the client thread's CPU time per call.
 * Not part of the SDK; see {@code benchmarks/README.md}.
 */
package dev.novasdk.benchmarks;
