import MierukaExport
import Testing

@Suite struct FormatTests {
    @Test func jsonKeepsKeyOrderAndEscapes() {
        let value = JSONValue.object([
            ("z", .string("改行\nと\"引用\"と\u{1}")), ("a", .array([.int(1), .number("-2.50"), .null, .bool(true)])),
            ("empty", .object([])),
        ])
        #expect(value.serialized(indent: nil) == #"{"z":"改行\nと\"引用\"と\u0001","a":[1,-2.50,null,true],"empty":{}}"#)
        #expect(value.serialized() == value.serialized())
        #expect(value.serialized().hasSuffix("}\n"))
    }

    /// The writer's commas, line breaks and indentation, in both layouts, for members written one by
    /// one, empty containers, nesting and keys from the data.
    @Test func jsonWriterLaysOutWhatItIsGiven() {
        func document(indent: Int?) -> String {
            var json = JSONWriter(indent: indent, capacity: 1)
            json.object { json in
                json.member("name", "見える化\u{2028}")
                json.member("count", Int?.none)
                json.member("list", [1, -22, Int.min]) { number, json in json.int(number) }
                json.member("empty", [String]()) { text, json in json.string(text) }
                json.object("inner") { json in
                    json.member(named: "A評価", .int(3))
                    json.object("none") { _ in }
                }
                json.member("flag", true)
            }
            return String(decoding: json.bytes, as: UTF8.self)
        }
        #expect(
            document(indent: nil)
                == #"{"name":"見える化\u2028","count":null,"list":[1,-22,-9223372036854775808],"empty":[],"inner":{"A評価":3,"none":{}},"flag":true}"#)
        #expect(
            document(indent: 2) == """
                {
                  "name": "見える化\\u2028",
                  "count": null,
                  "list": [
                    1,
                    -22,
                    -9223372036854775808
                  ],
                  "empty": [],
                  "inner": {
                    "A評価": 3,
                    "none": {}
                  },
                  "flag": true
                }
                """)
        let value = JSONValue.object([("a", .array([.null, .object([])])), ("b", .string("x"))])
        #expect(value.serialized() == "{\n  \"a\": [\n    null,\n    {}\n  ],\n  \"b\": \"x\"\n}\n")
    }

    @Test func shiftJISWritesWhatExcelWritesAndReportsWhatItCannot() {
        let (bytes, missing) = ShiftJISEncoder.encode("髙﨑①～")
        #expect(bytes == [0xFB, 0xFC, 0xFA, 0xB1, 0x87, 0x40, 0x81, 0x60])
        #expect(missing.isEmpty)
        // U+2212 and U+301C are not in CP932: Windows writes the full-width forms.
        let (dashes, noneMissing) = ShiftJISEncoder.encode("△−〜")
        #expect(dashes == [0x81, 0xA2, 0x81, 0x7C, 0x81, 0x60])
        #expect(noneMissing.isEmpty)
        let (emoji, reported) = ShiftJISEncoder.encode("a😀b😀")
        #expect(emoji == [0x61, 0x81, 0xAC, 0x62, 0x81, 0xAC])
        #expect(reported == ["😀"])
    }

    @Test func csvCellsAreQuotedWhenExcelWouldLoseOrSplitThem() {
        let cells = [
            "普通の文", "カンマ,あり", "引用\"符", "改行\nあり", " 前に空白", "後に空白 ", "\u{3000}全角空白で始まる",
            "全角空白で終わる\u{3000}", "\u{A0}改行しない空白", "中の\u{3000}空白", "",
        ]
        let text = CSVOutput(header: ["列"], rows: cells.map { [$0] }).text
        #expect(
            text.split(separator: "\r\n", omittingEmptySubsequences: false) == [
                "列", "普通の文", "\"カンマ,あり\"", "\"引用\"\"符\"", "\"改行\nあり\"", "\" 前に空白\"", "\"後に空白 \"",
                "\"\u{3000}全角空白で始まる\"", "\"全角空白で終わる\u{3000}\"", "\"\u{A0}改行しない空白\"", "中の\u{3000}空白", "", "",
            ])
    }
}
