/// A short digest of a file's bytes, to tell whether a re-rendered page differs from the one
/// being served without keeping every page in memory. SipHash (Swift's `Hasher`, seeded once per
/// process) over the bytes, with their count: a stale page would need a 64-bit collision.
struct ContentDigest: Sendable, Hashable {
    let hash: Int
    let count: Int

    init(_ bytes: some Collection<UInt8>) {
        var hasher = Hasher()
        let handled: Void? = bytes.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if handled == nil {
            for byte in bytes { hasher.combine(byte) }
        }
        hash = hasher.finalize()
        count = bytes.count
    }
}
