#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "CMierukaSystem.h"

void mieruka_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
