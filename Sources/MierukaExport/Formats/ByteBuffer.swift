/// Bytes written in many small pieces (a JSON document's keys, numbers and short strings). Each
/// `Array.append` checks that the array is unique and has room and copies through a generic path,
/// which costs more than copying a short piece; here a piece checks for room once and is copied in
/// place. Not copyable, so that it has one owner, which frees it, and so that no access to it needs
/// a run-time exclusivity check (charts' `SVGBytes` does the same for their SVG, as a class).
package struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    package private(set) var count = 0

    package init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far.
    package var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// A literal, inlined where it is written so that its length is known there.
    @inline(__always)
    package mutating func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        (start + count).initialize(from: text.utf8Start, count: length)
        count += length
    }

    /// A string's UTF-8 (named apart from `append(_: StaticString)`, so that a literal is never taken for a `String`).
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `count` spaces.
    package mutating func appendSpaces(_ count: Int) {
        guard count > 0 else { return }
        reserve(count)
        (start + self.count).initialize(repeating: 0x20, count: count)
        self.count += count
    }

    /// An integer in decimal ("-1234"), written digit by digit in place after one check for room.
    package mutating func appendDecimal(_ value: Int64) {
        reserve(20)
        var cursor = start + count
        if value < 0 {
            cursor.pointee = 0x2D
            cursor += 1
        }
        let magnitude = value.magnitude
        var place: UInt64 = 1
        while place <= magnitude / 10 { place &*= 10 }
        repeat {
            cursor.pointee = 0x30 &+ UInt8(truncatingIfNeeded: magnitude / place % 10)
            cursor += 1
            place /= 10
        } while place > 0
        count = cursor - start
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let grown = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
