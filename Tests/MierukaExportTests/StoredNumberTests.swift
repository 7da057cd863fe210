@testable import MierukaExport
import Testing

/// `XLSXOutput.storedNumber` reads a number in one pass over its bytes (it runs for most cells of
/// a plan's sheets); it must decide exactly as the rule it implements, written here plainly.
@Suite struct StoredNumberTests {
    /// The rule, step by step: an optional minus, digits, optionally a point and digits; no
    /// leading zero before other digits; at most 15 significant digits; not a negative zero.
    static func byTheRule(_ text: String) -> (value: String, decimals: Int)? {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integer.count)
        var fraction: Substring = ""
        if !rest.isEmpty {
            guard rest.first == ".", rest.count > 1 else { return nil }
            fraction = rest.dropFirst()
            guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        guard !integer.isEmpty, integer.count == 1 || integer.first != "0" else { return nil }
        let digits = String(integer + fraction)
        let trimmed = digits.drop { $0 == "0" }.reversed().drop { $0 == "0" }
        guard trimmed.count <= 15, !(negative && trimmed.isEmpty) else { return nil }
        var kept = fraction
        while kept.last == "0" { kept.removeLast() }
        return ((negative ? "-" : "") + integer + (kept.isEmpty ? "" : "." + kept), fraction.count)
    }

    @Test func decidesAsTheRuleOnEveryShortText() {
        let alphabet: [Character] = ["0", "1", "9", "-", ".", "a", "０"]
        var texts: [String] = [""]
        var layer: [String] = [""]
        for _ in 0..<5 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += layer
        }
        texts += [
            "123456789012345", "1234567890123456", "0.000000000000001", "0.0000000000000012", "1000000000000000",
            "-100000000000000.0000", "12345678901234.50", "１２", "1e5", " 1", "1 ", "+1",
        ]
        for text in texts {
            let fast = XLSXOutput.storedNumber(text)
            let rule = Self.byTheRule(text)
            #expect(fast?.value == rule?.value && fast?.decimals == rule?.decimals, "\(text)")
        }
    }
}
