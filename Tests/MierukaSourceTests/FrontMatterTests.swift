import MierukaDiagnostics
import MierukaSource
import Testing

@Suite struct FrontMatterTests {
    func split(_ text: String) -> (FrontMatter?, Diagnostics) {
        var diagnostics = Diagnostics()
        let result = FrontMatter.split(text, file: "a.md", diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    @Test func splitsOnDelimiterLinesOnly() throws {
        let (result, _) = split("---\ntitle: a---b\n---  \n本文\n\n---\n続き")
        let front = try #require(result)
        #expect(front.yaml == "title: a---b")
        #expect(front.body == "本文\n\n---\n続き")
        #expect(front.yamlLineOffset == 1)
        #expect(front.bodyLineOffset == 3)
    }

    @Test func acceptsDotsToClose() throws {
        let (result, _) = split("---\ntitle: a\n...\nbody")
        #expect(try #require(result).body == "body")
    }

    @Test func reportsMissingFrontMatter() {
        let (result, diagnostics) = split("# 見出し\n本文")
        #expect(result == nil)
        #expect(diagnostics.errors.first?.message == "the document has no front matter")
        #expect(diagnostics.errors.first?.location == SourceLocation(file: "a.md", line: 1, column: 1))
    }

    @Test func reportsUnclosedFrontMatter() {
        let (result, diagnostics) = split("---\ntitle: a\n本文")
        #expect(result == nil)
        #expect(diagnostics.errors.first?.message == "the front matter is not closed")
    }
}
