import Foundation
import Testing

@testable import MierukaSearch

/// The search index's byte writer: strings escaped as RFC 8259 and JavaScript need, copied a run
/// at a time, and whole numbers written two digits at a time.
@Suite struct JSONBytesTests {
    @Test func aStringIsEscapedOnlyWhereJSONAndJavaScriptNeedIt() throws {
        let texts = [
            "", "取組", "引用\"と\\と\n改行\r\tタブ", "制御\u{1}\u{1F}", "行\u{2028}段\u{2029}落",
            "続く…", "𠮷野家の葛\u{E0100}城市", "👍\u{1F3FD}\"", "\u{2027}\u{202A}", "a\u{E2}", "末尾\\",
        ]
        for text in texts {
            var out = JSONBytes()
            out.string(text)
            let written = String(decoding: out.bytes, as: UTF8.self)
            // The text reads back as it was, and nothing but what must be is escaped.
            let read = try JSONSerialization.jsonObject(with: Data(out.bytes), options: .fragmentsAllowed) as? String
            #expect(read == text, "「\(text.debugDescription)」")
            #expect(written == "\"" + Self.escaped(text) + "\"", "「\(text.debugDescription)」")
        }
    }

    @Test func wholeNumbersAreWrittenInDecimal() {
        let numbers = [0, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 12_345, 100_000, -1, -100, Int.max, Int.min]
        var out = JSONBytes()
        out.integers(numbers.count) { numbers[$0] }
        #expect(String(decoding: out.bytes, as: UTF8.self) == "[" + numbers.map(String.init).joined(separator: ",") + "]")
        var single = JSONBytes()
        single.integer(-9_876_543_210)
        #expect(String(decoding: single.bytes, as: UTF8.self) == "-9876543210")
    }

    /// The escaping, one Unicode scalar at a time.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
