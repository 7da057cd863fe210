/// How `mieruka check` (and `build`) print their diagnostics.
///
/// - `text`: the form compilers use (`file:line:column: error: …` and an indented hint), for people.
/// - `github`: GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), so that a pull
///   request shows each problem on its line. Printed on standard output, where the runner reads them.
/// - `json`: one JSON document with every diagnostic and the counts, for other tools.
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json
}
