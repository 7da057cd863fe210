/// Prints diagnostics in the form compilers use, which editors and CI annotate:
///
///     content/plan/item.md:7:8: error: grade "C" is not on this plan's scale (S, A, B)
///         hint: use one of S, A, B, or add "C" to `grades:` in content/plan/_index.md
package struct DiagnosticFormatter: Sendable {
    package init() {}

    package func format(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let hint = diagnostic.hint, !hint.isEmpty {
            text += "\n    hint: " + hint
        }
        return text
    }

    package func format(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map(format).joined(separator: "\n")
    }

    /// "2 errors, 1 warning"
    package func summary(_ diagnostics: Diagnostics) -> String {
        let errors = diagnostics.sorted.filter { $0.severity == .error }.count
        let warnings = diagnostics.sorted.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    }
}
