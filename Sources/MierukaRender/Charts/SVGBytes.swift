/// The bytes of a chart as `SVGWriter` writes it. A chart is written in many small pieces (its
/// fixed strings, a number for nearly every attribute); each `Array.append` checks that the array
/// is unique and has room and copies through a generic path, which cost more than the copy. Here
/// a piece checks for room once and is copied in place. One per `SVGWriter`, never shared.
final class SVGBytes {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// A fixed string of the chart's. Inlined where it is written, so that its length is known
    /// there and the copy becomes a few moves instead of a call to `memcpy`.
    @inline(__always)
    func append(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        reserve(length)
        (start + count).initialize(from: text.utf8Start, count: length)
        count += length
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func removeLast(_ length: Int) { count -= min(length, count) }

    /// 12, 12.5, 12.25, -3: `value` rounded to hundredths, without a trailing zero; 0 when it is
    /// not finite. Written digit by digit in place, after one check for room (a sign, 19 digits,
    /// a point and two decimals at most).
    func appendNumber(_ value: Double) {
        guard value.isFinite else { return append(0x30) }
        // A chart's coordinates lie in its view box; the clamp only keeps `Int(scaled)` from
        // trapping should a degenerate scale ever give a huge one.
        let value = min(max(value, -1e15), 1e15)
        reserve(24)
        // Rounded half away from zero, as `rounded()` does, without a call into the C library
        // (`scaled - truncated` is exact).
        let scaled = value * 100
        var hundredths = Int(scaled)
        let rest = scaled - Double(hundredths)
        if rest >= 0.5 { hundredths += 1 } else if rest <= -0.5 { hundredths -= 1 }
        // Written through a cursor, and the count set once.
        var cursor = start + count
        if hundredths < 0 { Self.put(0x2D, at: &cursor) }
        let whole = hundredths.magnitude / 100
        var place: UInt = 1
        while place <= whole / 10 { place &*= 10 }
        repeat {
            Self.put(0x30 &+ UInt8(truncatingIfNeeded: whole / place % 10), at: &cursor)
            place /= 10
        } while place > 0
        let fraction = hundredths.magnitude % 100
        if fraction != 0 {
            Self.put(0x2E, at: &cursor)
            Self.put(0x30 &+ UInt8(truncatingIfNeeded: fraction / 10), at: &cursor)
            if fraction % 10 != 0 { Self.put(0x30 &+ UInt8(truncatingIfNeeded: fraction % 10), at: &cursor) }
        }
        count = cursor - start
    }

    /// A byte where room was reserved for it.
    @inline(__always)
    private static func put(_ byte: UInt8, at cursor: inout UnsafeMutablePointer<UInt8>) {
        cursor.pointee = byte
        cursor += 1
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private func grow(to needed: Int) {
        let grown = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
