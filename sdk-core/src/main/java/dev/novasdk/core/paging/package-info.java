/**
 * Lazy paging: {@link dev.novasdk.core.paging.PagedIterable} fetches one page at a time as it is iterated,
 * following the cloud's markers or {@code next} links, and holds only the current page in memory.
 */
package dev.novasdk.core.paging;
