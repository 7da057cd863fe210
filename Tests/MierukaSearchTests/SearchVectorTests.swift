import Foundation
import MierukaSearch
import MierukaTestSupport
import Testing

/// The shared table of Tests/Fixtures/search-vectors.json: the index's tokenizer must give
/// exactly its tokens. scripts/check-search.py holds the browser's search.js to the same table,
/// so the two cannot disagree without one of the checks failing.
@Suite struct SearchVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible {
        let input: String
        let tokens: [String]
        var testDescription: String { "「\(input)」" }
    }

    struct Table: Decodable {
        let vectors: [Vector]
    }

    static let vectors: [Vector] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.path("search-vectors.json")),
            let table = try? JSONDecoder().decode(Table.self, from: data)
        else { return [] }
        return table.vectors
    }()

    @Test func theTableIsRead() {
        #expect(Self.vectors.count >= 30)
    }

    @Test(arguments: vectors)
    func theIndexTokenizerGivesTheTokensOfTheTable(vector: Vector) {
        // Compared scalar by scalar: Swift's String == holds canonically equivalent texts equal
        // (都 U+FA26 and 都 U+90FD), while the browser looks tokens up by their code points.
        let scalars = { (tokens: [String]) in tokens.map { $0.unicodeScalars.map(\.value) } }
        #expect(scalars(SearchTokenizer.tokens(vector.input)) == scalars(vector.tokens))
    }
}
