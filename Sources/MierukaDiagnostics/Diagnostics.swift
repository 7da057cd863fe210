/// An ordered collection of diagnostics, gathered stage by stage and reported together.
public struct Diagnostics: Sendable, Hashable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        self.all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    public mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.error(at: location, message, hint: hint))
    }

    public mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.warning(at: location, message, hint: hint))
    }

    /// Makes sure a run that failed says why: when no error was reported (a stage that stopped
    /// without one is a bug), adds one at `location`, so that a failure never prints nothing.
    public mutating func explainFailure(at location: SourceLocation) {
        guard !hasErrors else { return }
        error(
            at: location, "the site could not be built, and the stage that stopped did not say why (a bug in Mieruka)",
            hint: "please report it with the site's files")
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var isEmpty: Bool { all.isEmpty }

    /// Sorted and without exact repeats (a problem reached by two paths is reported once).
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }
}
