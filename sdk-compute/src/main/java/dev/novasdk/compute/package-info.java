/**
 * The Compute (Nova) client: {@link dev.novasdk.compute.ComputeClient} and the types its managers share
 * (microversion ranges and requirements, sorting, links). The managers live in sub-packages, one per
 * resource.
 */
package dev.novasdk.compute;
