/// A number as a worksheet stores it (`<v>`), read from the bytes of its text in one pass and
/// written from them without a String in between (a plan's sheets have a number in most rows):
/// an optional minus sign, digits, optionally a point and digits; no leading zero before other
/// digits, at most 15 significant digits (Excel keeps no more), not a negative zero. The value
/// keeps the integer's digits and the fraction's up to its last non-zero one (`30.0` is stored as
/// `30`, shown with one decimal place).
struct XLSXStoredNumber {
    let negative: Bool
    /// Where the integer's digits are in the text's bytes.
    let integer: Range<Int>
    /// Where the fraction's digits are, up to the last non-zero one (empty: none kept).
    let keptFraction: Range<Int>
    /// How many decimal places the text is written with.
    let decimals: Int

    /// Nil when the bytes are not a number Excel would show exactly as written.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let zero = UInt8(ascii: "0")
        func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= UInt8(ascii: "9") }
        let count = bytes.count
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        let integerStart = negative ? 1 : 0
        var index = integerStart
        while index < count, isDigit(bytes[index]) { index += 1 }
        let integerEnd = index
        var fractionStart = count
        if index < count {
            guard bytes[index] == UInt8(ascii: "."), count - index > 1 else { return nil }
            fractionStart = index + 1
            for position in fractionStart..<count where !isDigit(bytes[position]) { return nil }
        }
        guard integerEnd > integerStart, integerEnd - integerStart == 1 || bytes[integerStart] != zero else { return nil }
        // An integer of at most 15 digits (a year, a count, most amounts) has at most 15 significant
        // ones, and is negative zero only as "-0".
        if fractionStart == count, integerEnd - integerStart <= 15 {
            guard !(negative && bytes[integerStart] == zero) else { return nil }
            self.init(negative: negative, integer: integerStart..<integerEnd, keptFraction: count..<count, decimals: 0)
            return
        }
        // Significant digits: from the first non-zero digit to the last, over integer and fraction.
        var first = -1
        var last = -1
        var keptEnd = fractionStart
        for position in integerStart..<count where position != integerEnd && bytes[position] != zero {
            if first < 0 { first = position }
            last = position
            if position >= fractionStart { keptEnd = position + 1 }
        }
        var significant = 0
        if first >= 0 { significant = last - first + 1 - (first < integerEnd && last >= fractionStart ? 1 : 0) }
        guard significant <= 15, !(negative && significant == 0) else { return nil }
        self.init(
            negative: negative, integer: integerStart..<integerEnd, keptFraction: fractionStart..<keptEnd,
            decimals: count - fractionStart)
    }

    private init(negative: Bool, integer: Range<Int>, keptFraction: Range<Int>, decimals: Int) {
        self.negative = negative
        self.integer = integer
        self.keptFraction = keptFraction
        self.decimals = decimals
    }

    /// The stored value's bytes, taken from `bytes` (the text this was read from).
    func append(from bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if negative { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[integer]))
        guard !keptFraction.isEmpty else { return }
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[keptFraction]))
    }
}
