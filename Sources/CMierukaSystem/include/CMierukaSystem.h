#ifndef CMIERUKA_SYSTEM_H
#define CMIERUKA_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Atomically exchanges the two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS or EINVAL where
/// the kernel or file system does not support the exchange).
int mieruka_exchange_paths(const char *first, const char *second);

/// Gives the pages of memory that are free inside the C library's heaps back to the system
/// (glibc's malloc_trim(0)); does nothing on other C libraries. glibc keeps freed memory in its
/// heaps for reuse, so after a stage frees much of what it made, the pages stay counted in the
/// process's resident memory until something reuses them.
void mieruka_release_free_memory(void);

/// Drops the executable's own code pages from the process's resident memory (Linux): the kernel
/// maps each page again, from the page cache, when it is next executed, so only the code used after
/// this call is resident again. The kernel maps code in blocks around each page executed (64 KiB),
/// so the start-up's and the parsers' code would otherwise stay resident through rendering.
void mieruka_release_code_pages(void);

/// Sets up glibc's allocator for a build (does nothing on other C libraries): freed memory at the
/// top of a heap is given back to the system above 128 KiB, whatever blocks were freed before.
/// (Peak resident memory of a 1,000-page build 1.5-2 MiB lower; docs/reference.md, "Speed and
/// memory".)
void mieruka_configure_memory(void);

/// Sets up glibc's allocator for a large site (does nothing on other C libraries): blocks up to
/// 4 MiB come from the heaps rather than from mappings of their own, and up to 32 MiB of free
/// memory at the top of a heap is kept for reuse. Fewer page faults for more resident memory
/// (docs/reference.md, "Speed and memory").
void mieruka_configure_memory_for_large_site(void);

/// Runs SHA-256's compression function over `blocks` whole 64-byte blocks at `data`, updating
/// `state` (the eight words a to h), with the processor's SHA instructions (x86 SHA extensions).
/// Returns 1 when it did, 0 when the processor (or the build's target) has no such instructions;
/// then `state` is untouched and the caller hashes the blocks itself.
int mieruka_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
