/// How serious a diagnostic is. Errors stop `build` and fail `check`; warnings are reported only.
package enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    package static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in the site's files: where it is, what is wrong, and how to fix it.
package struct Diagnostic: Sendable, Hashable, Comparable {
    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    /// What the user can do about it, in a sentence ("use one of S, A, B …").
    package var hint: String?

    package init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    package static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    package static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// Sorted by file, position, then severity and text, so reports are the same on every run.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.hint ?? "") < (rhs.hint ?? "")
    }
}
