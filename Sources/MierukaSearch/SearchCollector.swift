/// The search index's documents and postings as they are made, in document order.
///
/// Each token gets a number the first time it is met, and its postings a list of their own under
/// that number. A token of the document being made is hashed once, to find its number; the
/// document's posting is then the last of the list (its field is added to it) or appended. No
/// set of a document's tokens is made and hashed again, so a token met in many documents costs
/// one dictionary lookup each time it is met and nothing more.
struct SearchCollector {
    private(set) var documents: [SearchIndex.Document] = []
    /// The tokens' numbers: a Japanese token's by its one or two characters as one integer (most
    /// tokens are such pairs), a word's by its text.
    private var japaneseNumbers = PackedTokenNumbers()
    private var wordNumbers: [String: Int] = [:]
    private var keys: [SearchTokenizer.Key] = []
    private var postings: [[SearchIndex.Posting]] = []

    /// Records that the next document (the one `add` adds next) holds the tokens of `text` in `field`.
    mutating func addTokens(of text: String, in field: SearchField) {
        let document = documents.count
        let bit = field.bit
        SearchTokenizer.forEachKey(in: text) { key in
            record(key, in: document, bit: bit)
        }
    }

    /// Adds a document, whose tokens have been recorded with `addTokens`.
    mutating func add(_ document: SearchIndex.Document) {
        documents.append(document)
    }

    /// A page other than an item's: its title, and its texts as its body, whose beginning is the
    /// result's snippet. `path` is as written to the index.
    mutating func addPage(
        _ kind: SearchIndex.Kind, label: String? = nil, plan: Int?, title: String, path: String, texts: [String]
    ) {
        addTokens(of: title, in: .title)
        let plain = texts.map(SearchText.plain).filter { !$0.isEmpty }.joined(separator: " ")
        addTokens(of: plain, in: .body)
        let snippets =
            plain.isEmpty
            ? [] : [SearchIndex.Snippet(field: .body, year: nil, text: SearchText.excerpt(plain, limit: SearchIndexBuilder.snippetLength))]
        add(
            SearchIndex.Document(
                kind: kind, label: label, plan: plan, number: "", title: title, path: path,
                grade: nil, gradeYear: nil, departments: "", snippets: snippets))
    }

    /// Every token with its postings, sorted by the tokens' UTF-8 bytes.
    func sortedPostings() -> [(token: String, postings: [SearchIndex.Posting])] {
        keys.indices.sorted { Self.precedes(keys[$0], keys[$1]) }.map { (token: keys[$0].string, postings: postings[$0]) }
    }

    /// Whether `first`'s text comes before `second`'s in UTF-8 byte order, compared without making
    /// the texts: a word (a–z, 0–9) before any Japanese token (whose bytes are all above ASCII);
    /// Japanese tokens by their characters' values (UTF-8 keeps their order), a one-character
    /// token before the pairs it begins.
    static func precedes(_ first: SearchTokenizer.Key, _ second: SearchTokenizer.Key) -> Bool {
        switch (first, second) {
        case (.word(let left), .word(let right)):
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        case (.word, .japanese):
            return true
        case (.japanese, .word):
            return false
        case (.japanese(let left), .japanese(let right)):
            if left >> 32 != right >> 32 { return left >> 32 < right >> 32 }
            let single = UInt64(SearchTokenizer.Key.single)
            let (leftSecond, rightSecond) = (left & single, right & single)
            if leftSecond == single || rightSecond == single { return leftSecond == single && rightSecond != single }
            return leftSecond < rightSecond
        }
    }

    private mutating func record(_ key: SearchTokenizer.Key, in document: Int, bit: UInt8) {
        // The token's list, changed in place.
        func add(to list: inout [SearchIndex.Posting]) {
            if let last = list.last, last.document == document {
                list[list.count - 1] = SearchIndex.Posting(document: document, fields: last.fields | bit)
            } else {
                list.append(SearchIndex.Posting(document: document, fields: bit))
            }
        }
        let number = number(of: key)
        add(to: &postings[number])
    }

    /// The token's number, given to it now if it is new.
    private mutating func number(of key: SearchTokenizer.Key) -> Int {
        let next = keys.count
        let number =
            switch key {
            case .japanese(let packed): japaneseNumbers.number(of: packed, new: next)
            case .word(let word): Self.value(in: &wordNumbers, at: word, new: next)
            }
        if number == next {
            keys.append(key)
            postings.append([])
        }
        return number
    }

    /// The value at `key`, with `new` stored there first when there is none: one lookup either way.
    private static func value(in table: inout [String: Int], at key: String, new: Int) -> Int {
        func read(_ slot: inout Int) -> Int { slot }
        return read(&table[key, default: new])
    }
}
