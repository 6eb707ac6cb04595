/**
 * Speed and memory measurements of the SDK against the code a user writes by hand with Apache HttpClient 5 and
 * Jackson, talking to an in-process loopback Keystone and Nova: {@link dev.novasdk.benchmarks.WorkloadHarness}
 * (the five workloads, client CPU and allocation per operation), {@link dev.novasdk.benchmarks.PagedMemoryCheck}
 * (peak heap of long listings) and JMH benchmarks ({@code java -jar benchmarks/target/benchmarks.jar}).
 * Not part of the SDK; see {@code benchmarks/README.md}.
 */
package dev.novasdk.benchmarks;
