import MierukaDiagnostics
import Testing

@Suite struct DiagnosticFormatterTests {
    @Test func formatsLikeACompiler() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(file: "content/p/a.md", line: 7, column: 8), "grade \"C\" is not on the plan's scale",
            hint: "use one of S, A, B")
        #expect(
            DiagnosticFormatter().format(diagnostic)
                == "content/p/a.md:7:8: error: grade \"C\" is not on the plan's scale\n    hint: use one of S, A, B")
    }

    @Test func leavesOutUnknownPositions() {
        #expect(SourceLocation(file: "a.md").description == "a.md")
        #expect(SourceLocation(file: "a.md", line: 3).description == "a.md:3")
    }

    @Test func sortsByFileAndPositionAndDropsRepeats() {
        var diagnostics = Diagnostics()
        diagnostics.error(at: SourceLocation(file: "b.md", line: 1, column: 1), "second")
        diagnostics.error(at: SourceLocation(file: "a.md", line: 9, column: 1), "first")
        diagnostics.error(at: SourceLocation(file: "a.md", line: 9, column: 1), "first")
        diagnostics.warning(at: SourceLocation(file: "a.md", line: 10, column: 1), "later")
        #expect(diagnostics.sorted.map(\.message) == ["first", "later", "second"])
        #expect(DiagnosticFormatter().summary(diagnostics) == "2 errors, 1 warning")
    }

    @Test func suggestsCloseNames() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "number", "policy"]) == "title")
        #expect(Suggestion.closest(to: "departmnts", in: ["department", "departments"]) == "departments")
        #expect(Suggestion.closest(to: "zzz", in: ["title", "number"]) == nil)
    }

    @Test func sinkCollectsFromManyThreads() async {
        let sink = DiagnosticSink()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask { sink.report(.error(at: SourceLocation(file: "f\(index)"), "x")) }
            }
        }
        #expect(sink.collected.all.count == 100)
    }
}

@Suite struct MachineFormatTests {
    let located = Diagnostic.error(
        at: SourceLocation(file: "content/p/a,b.md", line: 7, column: 8), "grade \"C\" is 100% wrong",
        hint: "use one of S, A, B")

    @Test func githubAnnotationsCarryFileLineAndColumnWithTheHintEscaped() {
        #expect(
            GitHubAnnotationFormatter().format(located)
                == "::error file=content/p/a%2Cb.md,line=7,col=8,title=mieruka::grade \"C\" is 100%25 wrong%0Ahint: use one of S, A, B"
        )
    }

    @Test func githubAnnotationOfAWholeFileHasNoLine() {
        let warning = Diagnostic.warning(at: .file("seeds/x.csv"), "line one\r\nline two")
        #expect(
            GitHubAnnotationFormatter().format(warning)
                == "::warning file=seeds/x.csv,title=mieruka::line one%0D%0Aline two")
    }

    @Test func jsonListsEveryDiagnosticSortedWithCounts() {
        var diagnostics = Diagnostics()
        diagnostics.warning(at: .file("b.md"), "tab\there", hint: nil)
        diagnostics.append(located)
        let json = JSONDiagnosticFormatter().format(diagnostics, extra: [("command", "\"check\"")])
        #expect(
            json
                == "{\"errors\":1,\"warnings\":1,\"command\":\"check\",\"diagnostics\":["
                + "{\"severity\":\"warning\",\"file\":\"b.md\",\"line\":0,\"column\":0,\"message\":\"tab\\there\",\"hint\":null},"
                + "{\"severity\":\"error\",\"file\":\"content/p/a,b.md\",\"line\":7,\"column\":8,"
                + "\"message\":\"grade \\\"C\\\" is 100% wrong\",\"hint\":\"use one of S, A, B\"}]}")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONDiagnosticFormatter.string("a\u{1}b\\\u{2028}日本") == "\"a\\u0001b\\\\\\u2028日本\"")
    }
}
