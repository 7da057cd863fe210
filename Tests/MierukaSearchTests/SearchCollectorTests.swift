import Testing

@testable import MierukaSearch

/// The search index's collector: token numbers, postings and the order of the tokens, which
/// the index file writes in the tokens' UTF-8 byte order.
@Suite struct SearchCollectorTests {
    @Test func tokensAreSortedInTheOrderOfTheirUTF8Bytes() {
        // Words, one-character tokens before the pairs they begin, kana before kanji, and
        // characters beyond the Basic Multilingual Plane (𠮷) last, as their bytes sort.
        let texts = ["新幹線 新 9718 kpi 幹 𠮷野 ぱ r6 a 新た 〆切", "市町村 2024 z 々"]
        var collector = SearchCollector()
        for (offset, text) in texts.enumerated() {
            collector.addTokens(of: text, in: .body)
            collector.add(document(offset))
        }
        let tokens = collector.sortedPostings().map(\.token)
        let expected = Set(texts.flatMap(SearchTokenizer.tokens)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(tokens == expected)
    }

    @Test func aTokenHasOnePostingPerDocumentWithEveryFieldItIsIn() {
        var collector = SearchCollector()
        collector.addTokens(of: "新幹線", in: .title)
        collector.addTokens(of: "新幹線の整備", in: .body)
        collector.add(document(0))
        collector.addTokens(of: "整備", in: .progress)
        collector.add(document(1))
        let postings = Dictionary(uniqueKeysWithValues: collector.sortedPostings().map { ($0.token, $0.postings) })
        #expect(postings["新幹"] == [SearchIndex.Posting(document: 0, fields: SearchField.title.bit | SearchField.body.bit)])
        #expect(postings["整備"] == [
            SearchIndex.Posting(document: 0, fields: SearchField.body.bit),
            SearchIndex.Posting(document: 1, fields: SearchField.progress.bit),
        ])
    }

    @Test func packedTokenNumbersKeepEveryKeyAsTheTableGrows() {
        var numbers = PackedTokenNumbers()
        // Far more keys than the table's first 1,024 places, in pairs of characters.
        let keys: [UInt64] = (0..<5_000).map { offset in
            let first = UInt64(0x4E00 + offset / 100)
            let second = UInt64(0x3041 + offset % 100)
            return first << 32 | second
        }
        for (offset, key) in keys.enumerated() {
            #expect(numbers.number(of: key, new: offset) == offset)
        }
        for (offset, key) in keys.enumerated() where numbers.number(of: key, new: -1) != offset {
            Issue.record("key \(key) lost its number \(offset)")
        }
    }

    private func document(_ number: Int) -> SearchIndex.Document {
        SearchIndex.Document(
            plan: 0, number: "\(number)", title: "", path: "", grade: nil, gradeYear: nil, departments: "", snippets: [])
    }
}
