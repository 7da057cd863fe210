#ifndef CMIERUKA_SYSTEM_H
#define CMIERUKA_SYSTEM_H

/// Atomically exchanges the two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, otherwise -1 with errno set (ENOSYS or EINVAL where
/// the kernel or file system does not support the exchange).
int mieruka_exchange_paths(const char *first, const char *second);

#endif
