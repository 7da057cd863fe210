/// A number stored in a workbook as decimal digits, at most 15 significant ones (Excel keeps no
/// more: 92.599999999999994 in the file is 92.6 on the screen), so that it is rounded and written
/// in decimal, never through binary arithmetic (0.943 × 100 is 94.3, not 94.30000000000001).
struct Decimal15: Equatable {
    /// Significant digits, most significant first, without leading or trailing zeros; empty for 0.
    var digits: [UInt8]
    /// The value is 0.d₁d₂d₃… × 10^exponent.
    var exponent: Int

    init(_ value: Double) {
        digits = []
        exponent = 0
        guard value.isFinite, value != 0 else { return }
        // Swift prints the shortest digits that give the same Double back: "92.6", "1e-05", "1.5e+20".
        let text = String(describing: abs(value))
        var mantissa = Substring(text)
        var power = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            power = Int(text[text.index(after: e)...]) ?? 0
        }
        var pointPosition = mantissa.count
        var all: [UInt8] = []
        for (offset, character) in mantissa.enumerated() {
            if character == "." {
                pointPosition = offset
            } else if let digit = character.wholeNumberValue {
                all.append(UInt8(digit))
            }
        }
        var exponent = pointPosition + power
        while let first = all.first, first == 0 {
            all.removeFirst()
            exponent -= 1
        }
        self.digits = all
        self.exponent = exponent
        round(keeping: 15)
        trim()
    }

    /// Rounds half away from zero to `count` significant digits from the first.
    private mutating func round(keeping count: Int) {
        guard digits.count > count else { return }
        guard count >= 0 else {
            digits = []
            exponent = 0
            return
        }
        let roundUp = digits[count] >= 5
        digits.removeLast(digits.count - count)
        if roundUp {
            var index = count - 1
            while index >= 0 {
                if digits[index] == 9 {
                    digits[index] = 0
                    index -= 1
                } else {
                    digits[index] += 1
                    break
                }
            }
            if index < 0 {
                digits.insert(1, at: 0)
                exponent += 1
            }
        }
        trim()
    }

    private mutating func trim() {
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
    }

    /// Written out: with `decimals` places (nil: as many as it has), then trailing zeros dropped
    /// down to `minimumDecimals`; at least `minimumIntegerDigits` before the point; thousands
    /// separated with commas when `grouping`.
    func fixed(decimals: Int?, grouping: Bool, minimumIntegerDigits: Int, minimumDecimals: Int) -> String {
        var rounded = self
        if let decimals { rounded.round(keeping: exponent + decimals) }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        for position in 0..<max(rounded.digits.count, rounded.exponent) {
            let digit = position < rounded.digits.count ? rounded.digits[position] : 0
            if position < rounded.exponent { integer.append(digit) }
        }
        if rounded.exponent < 0 { fraction = Array(repeating: 0, count: -rounded.exponent) }
        if rounded.digits.count > max(rounded.exponent, 0) {
            fraction += rounded.digits[max(rounded.exponent, 0)...]
        }
        if let decimals {
            if fraction.count < decimals { fraction += Array(repeating: 0, count: decimals - fraction.count) }
            if fraction.count > decimals { fraction.removeLast(fraction.count - decimals) }
        }
        while fraction.count > minimumDecimals, fraction.last == 0 { fraction.removeLast() }
        while integer.count > minimumIntegerDigits, integer.first == 0 { integer.removeFirst() }
        while integer.count < minimumIntegerDigits { integer.insert(0, at: 0) }

        var text = ""
        for (offset, digit) in integer.enumerated() {
            if grouping, offset > 0, (integer.count - offset) % 3 == 0 { text += "," }
            text += String(digit)
        }
        if !fraction.isEmpty { text += "." + fraction.map(String.init).joined() }
        return text
    }
}
