import MierukaSearch
import Testing

@Suite struct SearchTokenizerTests {
    @Test func japaneseRunsBecomeOverlappingBigrams() {
        #expect(SearchTokenizer.tokens("新幹線") == ["新幹", "幹線"])
        #expect(SearchTokenizer.tokens("受益者負担") == ["受益", "益者", "者負", "負担"])
    }

    @Test func aRunOfOneCharacterIsThatCharacter() {
        #expect(SearchTokenizer.tokens("新") == ["新"])
        #expect(SearchTokenizer.tokens("市 町") == ["市", "町"])
    }

    @Test func fullWidthLettersAndDigitsAreFoldedAndLowercased() {
        #expect(SearchTokenizer.tokens("ＡＢＣ") == ["abc"])
        #expect(SearchTokenizer.tokens("ＫＰＩ　Kpi kpi") == ["kpi"])
        #expect(SearchTokenizer.tokens("２０２４") == ["2024"])
    }

    @Test func wordsAndJapaneseAreSeparateRuns() {
        #expect(SearchTokenizer.tokens("2024年度") == ["2024", "年度"])
        #expect(SearchTokenizer.tokens("R6年度のKPI") == ["r6", "年度", "度の", "kpi"])
        #expect(SearchTokenizer.tokens("SNSの活用") == ["sns", "の活", "活用"])
    }

    @Test func punctuationAndSymbolsOnlySeparate() {
        #expect(SearchTokenizer.tokens("使用料・手数料の見直し") == ["使用", "用料", "手数", "数料", "料の", "の見", "見直", "直し"])
        #expect(SearchTokenizer.tokens("（使用料）、「手数料」。") == ["使用", "用料", "手数", "数料"])
        #expect(SearchTokenizer.tokens("9,718人") == ["9718", "人"], "commas between thousands are not separators")
        #expect(SearchTokenizer.tokens("9,71人") == ["9", "71", "人"])
        #expect(SearchTokenizer.tokens("- 、。!?") == [])
        #expect(SearchTokenizer.tokens("") == [])
    }

    @Test func halfWidthKatakanaAndSeparateSoundMarksAreJoined() {
        #expect(SearchTokenizer.tokens("ﾃﾞｰﾀ") == ["デー", "ータ"])
        #expect(SearchTokenizer.tokens("ﾊﾟﾌﾞﾘｯｸｺﾒﾝﾄ") == SearchTokenizer.tokens("パブリックコメント"))
        // か + U+3099 (as macOS writes file names) is が.
        #expect(SearchTokenizer.tokens("か\u{3099}っこう") == SearchTokenizer.tokens("がっこう"))
        // A mark after a character that does not take it is dropped.
        #expect(SearchTokenizer.tokens("ﾞ市ﾟ") == ["市"])
    }

    @Test func tokensAreListedOnceInTheOrderTheyFirstOccur() {
        #expect(SearchTokenizer.tokens("財政 財政 abc 財政") == ["財政", "abc"])
        var all: [String] = []
        SearchTokenizer.forEachToken(in: "財政 財政") { all.append($0) }
        #expect(all == ["財政", "財政"])
    }

    @Test func charactersBeyondTheBasicPlaneAreJapaneseToo() {
        // 𠮷 (U+20BB7) is one character, as in the browser's code-point iteration.
        #expect(SearchTokenizer.tokens("𠮷野家") == ["𠮷野", "野家"])
    }
}
