import MierukaDiagnostics

/// A matrix as written; columns may name one of the plan's policies.
public struct MatrixDocument: Sendable {
    public let title: String
    public let rowHeading: String
    public let columnHeading: String
    public let columns: [MatrixColumnDocument]
    public let rows: [MatrixRow]
    public let source: String?
    public let location: SourceLocation

    public init(
        title: String, rowHeading: String, columnHeading: String, columns: [MatrixColumnDocument], rows: [MatrixRow],
        source: String?, location: SourceLocation
    ) {
        self.title = title
        self.rowHeading = rowHeading
        self.columnHeading = columnHeading
        self.columns = columns
        self.rows = rows
        self.source = source
        self.location = location
    }
}

public struct MatrixColumnDocument: Sendable {
    public let number: String?
    public let title: String?
    public let policy: Located<String>?
    public let location: SourceLocation

    public init(number: String?, title: String?, policy: Located<String>?, location: SourceLocation) {
        self.number = number
        self.title = title
        self.policy = policy
        self.location = location
    }
}
