#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "CMierukaSystem.h"

#if defined(__linux__) && defined(__GLIBC__)
// The linker's marks around the executable's own code (GNU ld and lld define both).
extern char __executable_start;
extern char etext;
#endif

void mieruka_release_code_pages(void) {
#if defined(__linux__) && defined(__GLIBC__)
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) return;
    uintptr_t start = (uintptr_t)&__executable_start & ~(uintptr_t)(page - 1);
    uintptr_t end = ((uintptr_t)&etext + (uintptr_t)page - 1) & ~(uintptr_t)(page - 1);
    if (end <= start) return;
    // The code is a read-only mapping of the executable file: dropping its pages from this process
    // loses nothing; the next instruction fetched from a dropped page maps it again from the page
    // cache. Any error (a kernel that refuses) leaves the pages as they were.
    (void)madvise((void *)start, end - start, MADV_DONTNEED);
#endif
}
