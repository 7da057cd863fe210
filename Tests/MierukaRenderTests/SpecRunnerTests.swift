import MustacheSpec
import Testing

/// The Mustache specification runner (scripts/mustache-spec.sh) on a file of made-up cases in the
/// specification's format: data-driven views resolve names as Mustache does, and each case is
/// counted as passed, failed or not supported.
@Suite struct SpecRunnerTests {
    let file = """
        overview: made-up cases for Mieruka's tests
        tests:
          - name: context stack
            data: { city: 架空市, office: { name: 企画課 }, plans: [ { year: 2024 }, { year: 2025.50, city: 別市 } ] }
            template: "{{#plans}}{{year}} {{city}} {{office.name}};{{/plans}}"
            expected: "2024 架空市 企画課;2025.5 別市 企画課;"
          - name: falsey values and the implicit iterator
            data: { none: null, no: false, empty: [], words: [ "<a>", 2 ] }
            template: "{{^none}}1{{/none}}{{^no}}2{{/no}}{{^empty}}3{{/empty}}{{#words}}[{{.}}]{{/words}}"
            expected: "123[&lt;a&gt;][2]"
          - name: a partial alone on its line
            data: { text: "x\\ny" }
            template: "<p>\\n  {{>part}}\\n</p>\\n"
            partials: { part: "{{text}}\\n!\\n" }
            expected: "<p>\\n  x\\ny\\n  !\\n</p>\\n"
          - name: wrong on purpose
            data: { a: 1 }
            template: "{{a}}"
            expected: "2"
          - name: code in the data
            data: { f: !code { js: "function() { return 1 }" } }
            template: "{{f}}"
            expected: "1"
          - name: delimiters
            data: {}
            template: "{{=<% %>=}}"
            expected: ""
        """

    @Test func casesAreCountedAsPassedFailedOrNotSupported() throws {
        let cases = try SpecRunner.cases(inYAML: file, file: "made-up.yml").get()
        let outcomes = cases.map(SpecRunner.run)
        #expect(cases.map(\.name).count == 6)
        #expect(outcomes[0] == .passed, "\(outcomes[0])")
        #expect(outcomes[1] == .passed, "\(outcomes[1])")
        #expect(outcomes[2] == .passed, "\(outcomes[2])")
        #expect(outcomes[3] == .failed("expected \"2\", got \"1\""))
        #expect(outcomes[4] == .notSupported("lambdas: data holding code"))
        guard case .notSupported(let why) = outcomes[5] else {
            Issue.record("delimiters: \(outcomes[5])")
            return
        }
        #expect(why.contains("delimiters"))
    }

    @Test func aFileThatIsNotASpecificationIsReported() {
        guard case .failure(let error) = SpecRunner.cases(inYAML: "tests: [ { name: x } ]", file: "bad.yml") else {
            Issue.record("read as a specification")
            return
        }
        #expect(error.message.contains("needs name, template and expected"))
    }
}
