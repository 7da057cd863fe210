@testable import MierukaSearch
import Testing

/// The text the search indexes and shows for a piece of Markdown (`SearchText`).
@Suite struct SearchTextTests {
    @Test func emphasisAndCodeMarksAreDropped() {
        #expect(SearchText.plain("**重点**取組と*補助*") == "重点取組と補助")
        #expect(SearchText.plain("`mieruka build` を実行") == "mieruka build を実行")
        #expect(SearchText.plain("__強調__と_単独") == "強調と_単独")
        #expect(SearchText.plain("file_name と a__b") == "file_name と ab")
    }

    @Test func aLinkKeepsItsTextWithoutItsTarget() {
        #expect(SearchText.plain("[総合計画](https://example.jp/plan/)との整合") == "総合計画との整合")
        // No closing parenthesis: the brackets go, the rest stays.
        #expect(SearchText.plain("[未完](https://example.jp") == "未完(https://example.jp")
        #expect(SearchText.plain("配列[0]と[注]") == "配列0と注")
    }

    @Test func blockMarksAndIndentationAreDropped() {
        #expect(SearchText.plain("## 計画の基本方針") == "計画の基本方針")
        #expect(SearchText.plain("> 引用した意見") == "引用した意見")
        #expect(SearchText.plain("　　全角で字下げ") == "全角で字下げ")
        #expect(SearchText.plain("\t 行末の改行\\") == "行末の改行")
        #expect(SearchText.plain("-ハイフンで始まる文") == "-ハイフンで始まる文")
        #expect(SearchText.plain("2024年度") == "2024年度", "digits without a list mark are text")
        #expect(SearchText.plain("1234567890. 十桁") == "1234567890. 十桁", "ten digits are no list number")
    }

    @Test func linesJoinWithoutASpaceExceptBetweenEntriesAndASCIIWords() {
        #expect(SearchText.plain("一行目\n二行目") == "一行目二行目")
        #expect(SearchText.plain("- 調査する\n- 検討する\n1. 実施する\n2) 公表する") == "調査する 検討する 実施する 公表する")
        #expect(SearchText.plain("open\ndata") == "open data")
        #expect(SearchText.plain("KPI\n指標") == "KPI指標")
        #expect(SearchText.plain("一\r\n二\r三\u{2028}四\u{0085}五\u{000B}六") == "一二三四五六")
        #expect(SearchText.plain("\n\n   \n") == "")
    }

    @Test func charactersOutsideASCIIAreKeptAsWritten() {
        // か + U+3099 (a separate voiced sound mark) and e + U+0301 stay as they are.
        #expect(SearchText.plain("か\u{3099}っこう") == "か\u{3099}っこう")
        #expect(SearchText.plain("**cafe\u{301}**") == "cafe\u{301}")
        #expect(SearchText.plain("𠮷野家の**葛\u{E0100}城市**") == "𠮷野家の葛\u{E0100}城市")
        // A mark followed by a combining character is still a mark, as cmark reads it.
        #expect(SearchText.plain("*\u{301}強調") == "\u{301}強調")
    }

    @Test func anExcerptCountsCharactersNotBytes() {
        #expect(SearchText.excerpt("あいうえお", limit: 5) == "あいうえお")
        #expect(SearchText.excerpt("あいうえおか", limit: 5) == "あいうえお…")
        #expect(SearchText.excerpt("か\u{3099}き\u{3099}く", limit: 2) == "か\u{3099}き\u{3099}…")
        #expect(SearchText.excerpt("", limit: 3) == "")
    }

    /// Text of kana, kanji and ASCII is counted a scalar at a time; a character that joins the
    /// one before it (a sound mark, CR LF, an emoji's modifier) at or next to the cut still counts
    /// with it, as Swift's characters do.
    @Test func anExcerptCutsWhereTheCharactersEndWhateverTheScalars() {
        #expect(SearchText.excerpt("行財政改革の推進、R6年度", limit: 8) == "行財政改革の推進…")
        #expect(SearchText.excerpt("abc", limit: 3) == "abc")
        #expect(SearchText.excerpt("あいか\u{3099}え", limit: 2) == "あい…")
        #expect(SearchText.excerpt("あいか\u{3099}え", limit: 3) == "あいか\u{3099}…")
        #expect(SearchText.excerpt("a\r\nb", limit: 2) == "a\r\n…")
        #expect(SearchText.excerpt("市👍\u{1F3FD}です", limit: 2) == "市👍\u{1F3FD}…")
        #expect(SearchText.excerpt("ｶﾞｲﾄﾞ", limit: 1) == "ｶﾞ…")
        for text in ["令和6年度・9月末時点の進捗", "「見える化」（2024）", "ﾊﾞｽ路線の見直し", "葛\u{E0100}城市の計画"] {
            for limit in 0...text.count {
                let end = text.index(text.startIndex, offsetBy: limit)
                #expect(SearchText.excerpt(text, limit: limit) == (end == text.endIndex ? text : String(text[..<end]) + "…"))
            }
        }
    }

    /// The text the search took from Markdown before it read bytes (Characters compared one by
    /// one), kept as the reference: for text without a combining character right after a mark,
    /// both give the same.
    @Test func readingBytesGivesWhatReadingCharactersGave() {
        let pieces = [
            "行財政", "改革", "の", "、", "。", "　", " ", "\t", "\n", "\r\n", "*", "**", "_", "__", "`", "[", "]", "(",
            ")", "](", "#", "## ", ">", "- ", "* ", "+ ", "1. ", "12) ", "3.", "\\", "abc", "R6", "9,718", "ｶﾞｲﾄﾞ",
            "か\u{3099}", "e\u{301}", "𠮷", "\u{2028}",
        ]
        var generator = SplitMix(seed: 0x6d69_6572_756b_61)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            #expect(SearchText.plain(text) == ReferenceText.plain(text), "「\(text.debugDescription)」")
        }
    }

    /// Deterministic pseudo-random numbers (SplitMix64), so that a failure repeats.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The Character-by-Character reading `SearchText.plain` replaced.
    enum ReferenceText {
        static func plain(_ markdown: String) -> String {
            var out = ""
            for rawLine in markdown.split(whereSeparator: \.isNewline) {
                var line = Substring(rawLine).drop { $0 == " " || $0 == "\t" || $0 == "　" }
                var isEntry = false
                if let marker = listMarkerLength(line) {
                    line = line.dropFirst(marker)
                    isEntry = true
                } else if line.hasPrefix("#") {
                    line = line.drop { $0 == "#" }
                } else if line.hasPrefix(">") {
                    line = line.drop { $0 == ">" }
                }
                var text = inline(trimmed(line))
                if text.isEmpty { continue }
                if let last = out.unicodeScalars.last, let first = text.unicodeScalars.first,
                    isEntry || (isASCIIWord(last) && isASCIIWord(first))
                {
                    text = " " + text
                }
                out += text
            }
            return out
        }

        static func trimmed(_ line: Substring) -> Substring {
            let set: Set<Character> = [" ", "\t", "\\"]
            var text = line
            while let first = text.first, set.contains(first) { text = text.dropFirst() }
            while let last = text.last, set.contains(last) { text = text.dropLast() }
            return text
        }

        static func listMarkerLength(_ line: Substring) -> Int? {
            guard let first = line.first else { return nil }
            if first == "-" || first == "*" || first == "+" {
                return line.dropFirst().first == " " ? 2 : nil
            }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 10 else { return nil }
            let rest = line.dropFirst(digits.count)
            guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
            return digits.count + 2
        }

        static func inline(_ text: Substring) -> String {
            var out = ""
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                let next = text.index(after: index)
                let underscore =
                    character == "_"
                    && ((next < text.endIndex && text[next] == "_")
                        || (index > text.startIndex && text[text.index(before: index)] == "_"))
                if character == "*" || character == "`" || underscore {
                    index = next
                    continue
                }
                if character == "]", text[next...].hasPrefix("("), let close = text[index...].firstIndex(of: ")") {
                    index = text.index(after: close)
                    continue
                }
                if character == "[" || character == "]" {
                    index = next
                    continue
                }
                out.append(character)
                index = next
            }
            return out
        }

        static func isASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
    }
}
