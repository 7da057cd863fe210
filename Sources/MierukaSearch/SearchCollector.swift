/// The search index's documents and postings as they are made, in document order.
///
/// Each token gets a number the first time it is met, and its postings a list of their own under
/// that number. A token of the document being made is hashed once, to find its number, and its
/// field is added to the document's fields of that token (one reused array for all tokens, with
/// the numbers of those the document holds); when the document is added, each of those tokens gets
/// one posting. No set of a document's tokens is made and hashed again, and a token met many times
/// in a document is appended to its list once.
struct SearchCollector {
    private(set) var documents: [SearchIndex.Document] = []
    /// The tokens' numbers: a Japanese token's by its one or two characters as one integer (most
    /// tokens are such pairs), a word's by its text.
    private var japaneseNumbers = PackedTokenNumbers()
    private var wordNumbers: [String: Int] = [:]
    private var keys: [SearchTokenizer.Key] = []
    private var postings: [[SearchIndex.Posting]] = []
    /// By token number, the fields of the next document that hold the token (0: none).
    private var fields: [UInt8] = []
    /// The numbers of the tokens the next document holds, each once.
    private var held: [Int] = []

    /// Records that the next document (the one `add` adds next) holds the tokens of `text` in `field`.
    mutating func addTokens(of text: String, in field: SearchField) {
        SearchTokenizer.forEachKey(in: text) { record($0, field.bit) }
    }

    /// `addTokens` of a text given as UTF-8 (`SearchText.plainUTF8`).
    mutating func addTokens(ofUTF8 text: [UInt8], in field: SearchField) {
        SearchTokenizer.forEachKey(inUTF8: text) { record($0, field.bit) }
    }

    private mutating func record(_ key: SearchTokenizer.Key, _ bit: UInt8) {
        let number = number(of: key)
        if fields[number] == 0 { held.append(number) }
        fields[number] |= bit
    }

    /// Adds a document, whose tokens have been recorded with `addTokens`: a posting for each.
    mutating func add(_ document: SearchIndex.Document) {
        let offset = documents.count
        for number in held {
            postings[number].append(SearchIndex.Posting(document: offset, fields: fields[number]))
            fields[number] = 0
        }
        held.removeAll(keepingCapacity: true)
        documents.append(document)
    }

    /// A page other than an item's: its title, and its texts as its body, whose beginning is the
    /// result's snippet. `path` is as written to the index.
    mutating func addPage(
        _ kind: SearchIndex.Kind, label: String? = nil, plan: Int?, title: String, path: String, texts: [String]
    ) {
        addTokens(of: title, in: .title)
        let plain = Array(texts.map(SearchText.plainUTF8).filter { !$0.isEmpty }.joined(separator: [0x20]))
        addTokens(ofUTF8: plain, in: .body)
        let excerpt = plain.isEmpty ? nil : SearchText.excerpt(utf8: plain, limit: SearchIndexBuilder.snippetLength)
        let snippets = excerpt.map { [SearchIndex.Snippet(field: .body, year: nil, text: $0)] } ?? []
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

    /// The token's number, given to it now if it is new.
    @inline(__always)
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
            fields.append(0)
        }
        return number
    }

    /// The value at `key`, with `new` stored there first when there is none: one lookup either way.
    private static func value(in table: inout [String: Int], at key: String, new: Int) -> Int {
        func read(_ slot: inout Int) -> Int { slot }
        return read(&table[key, default: new])
    }
}
