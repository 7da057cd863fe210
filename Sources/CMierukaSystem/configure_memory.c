#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "CMierukaSystem.h"

void mieruka_configure_memory(void) {
#if defined(__GLIBC__)
    // (One heap for all the threads, M_ARENA_MAX 1, took another 1 MiB off but cost 10 % more CPU
    // time: the threads wait for each other's allocations.)
    // glibc's default threshold (128 KiB), set explicitly: that turns off its adjustment, which
    // after a large block is freed raises the threshold to twice that block's size (several MiB
    // for a worksheet's XML), so that freed memory up to that size stays resident in each heap.
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}

void mieruka_configure_memory_for_large_site(void) {
#if defined(__GLIBC__)
    // Blocks up to 4 MiB (a plan's CSV, worksheet XML and plan.json while they are written) come
    // from the heaps instead of a mapping of their own, and up to 32 MiB of freed memory at the top
    // of a heap is kept for the next ones: otherwise each such block is mapped, faulted in page by
    // page, and unmapped again, plan after plan. 10,000 pages: 200,000 page faults -> 60,000; peak
    // resident memory about 16 MiB (9 %) higher, which is why small sites keep the settings above.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif
}
