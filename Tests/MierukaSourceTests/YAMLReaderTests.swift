import MierukaDiagnostics
import MierukaSource
import Testing

@Suite struct YAMLReaderTests {
    func read(_ text: String, lineOffset: Int = 0) -> (YAMLNode?, Diagnostics) {
        var diagnostics = Diagnostics()
        let node = YAMLReader().read(text, file: "f.md", lineOffset: lineOffset, diagnostics: &diagnostics)
        return (node, diagnostics)
    }

    @Test func scalarsKeepTheirTextAndPosition() throws {
        let (node, diagnostics) = read("number: 080\ngrade: yes\nratio: 1.10\n", lineOffset: 1)
        #expect(diagnostics.isEmpty)
        guard case .mapping(let mapping) = try #require(node) else {
            Issue.record("not a mapping")
            return
        }
        #expect(mapping.entries.map(\.key.text) == ["number", "grade", "ratio"])
        guard case .scalar(let value) = mapping.entries[0].value else { return }
        #expect(value.text == "080")
        #expect(value.location == SourceLocation(file: "f.md", line: 2, column: 9))
        guard case .scalar(let grade) = mapping.entries[1].value else { return }
        #expect(grade.text == "yes")
    }

    @Test func tabsAreExplained() {
        let (_, diagnostics) = read("title: a\n\tpolicy: b\n", lineOffset: 1)
        let error = diagnostics.errors.first
        #expect(error?.message == "a tab character is not allowed here")
        #expect(error?.location.line == 3)
    }

    @Test func duplicateKeysPointAtTheSecondOne() {
        let (_, diagnostics) = read("title: a\nnumber: 1\ntitle: b\n")
        let error = diagnostics.errors.first
        #expect(error?.message == "duplicate key \"title\"")
        #expect(error?.location == SourceLocation(file: "f.md", line: 3, column: 1))
    }

    @Test func duplicateKeysAreFoundInLargeMappingsToo() {
        let keys = (1...40).map { "key\($0): \($0)\n" }.joined()
        let (clean, none) = read(keys)
        #expect(none.errors.isEmpty)
        if case .mapping(let mapping)? = clean { #expect(mapping.entries.count == 40) } else { Issue.record("not a mapping") }
        for repeated in [3, 17, 40] {
            let (_, diagnostics) = read(keys + "key\(repeated): again\n")
            #expect(diagnostics.errors.first?.message == "duplicate key \"key\(repeated)\"")
            #expect(diagnostics.errors.first?.location.line == 41)
        }
    }

    @Test func linesEndedByLoneCarriageReturnsAreCountedAsEditorsShowThem() {
        // A file saved with classic Mac line ends: libyaml counts each CR as a line end, and so
        // must the lines the message quotes and the key it points at.
        let (_, diagnostics) = read("title: a\rnumber: 1\r\tpolicy: b\r")
        #expect(diagnostics.errors.first?.message == "a tab character is not allowed here")
        #expect(diagnostics.errors.first?.location.line == 3)
    }

    @Test func aProblemFoundAtTheEndOfTheTextPointsAtALineThatExists() {
        // libyaml reports "could not find expected ':'" on a line it adds after the last one; the
        // error points where the key it was reading starts. (Found by the YAML fuzzer.)
        for text in ["x: \nQ- m]", "x: \rQ- m]"] {
            let (_, diagnostics) = read(text, lineOffset: 1)
            #expect(diagnostics.errors.first?.location == SourceLocation(file: "f.md", line: 3, column: 1))
        }
        let (_, atEnd) = read("a: b\nc d")
        #expect(atEnd.errors.first?.location.line == 2)
    }

    @Test func unclosedBracketsAreExplained() {
        let (_, diagnostics) = read("title: [unclosed\nnumber: 1\n")
        #expect(diagnostics.errors.first?.message == "a bracket or quote is not closed")
    }

    @Test func aliasBombsAreRefused() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            let refs = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(refs)]\n"
        }
        let (node, diagnostics) = read(text)
        #expect(node == nil)
        #expect(diagnostics.errors.first?.message.contains("expands to more than") == true)
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let text = "a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let (node, diagnostics) = read(text)
        #expect(node == nil)
        #expect(diagnostics.errors.first?.message.contains("nested more than") == true)
    }
}
