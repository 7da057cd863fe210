/// An ordered collection of diagnostics, gathered stage by stage and reported together.
package struct Diagnostics: Sendable, Hashable {
    package private(set) var all: [Diagnostic] = []

    package init(_ diagnostics: [Diagnostic] = []) {
        self.all = diagnostics
    }

    package mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    package mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    package mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.error(at: location, message, hint: hint))
    }

    package mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.warning(at: location, message, hint: hint))
    }

    /// Makes sure a run that failed says why: when no error was reported (a stage that stopped
    /// without one is a bug), adds one at `location`, so that a failure never prints nothing.
    package mutating func explainFailure(at location: SourceLocation) {
        guard !hasErrors else { return }
        error(
            at: location, "the site could not be built, and the stage that stopped did not say why (a bug in Mieruka)",
            hint: "please report it with the site's files")
    }

    package var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    package var hasErrors: Bool { all.contains { $0.severity == .error } }
    package var isEmpty: Bool { all.isEmpty }

    /// Sorted and without exact repeats (a problem reached by two paths is reported once).
    package var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }
}
