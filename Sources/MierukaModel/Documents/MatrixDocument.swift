import MierukaDiagnostics

/// A matrix as written; columns may name one of the plan's policies.
package struct MatrixDocument: Sendable {
    package let title: String
    package let rowHeading: String
    package let columnHeading: String
    package let columns: [MatrixColumnDocument]
    package let rows: [MatrixRow]
    package let source: String?
    package let location: SourceLocation

    package init(
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

package struct MatrixColumnDocument: Sendable {
    package let number: String?
    package let title: String?
    package let policy: Located<String>?
    package let location: SourceLocation

    package init(number: String?, title: String?, policy: Located<String>?, location: SourceLocation) {
        self.number = number
        self.title = title
        self.policy = policy
        self.location = location
    }
}
