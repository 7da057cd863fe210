import MierukaDiagnostics

/// A sub-item (細目) as written under an item's `subitems:`.
package struct SubItemDocument: Sendable {
    package let number: Located<String>
    package let title: Located<String>
    package let departments: [Located<String>]
    package let location: SourceLocation

    package init(number: Located<String>, title: Located<String>, departments: [Located<String>], location: SourceLocation) {
        self.number = number
        self.title = title
        self.departments = departments
        self.location = location
    }
}

/// A sub-item's result as written under a result's `subitems:`.
package struct SubItemResultDocument: Sendable {
    package let number: Located<String>
    package let grade: Located<String>?
    package let progress: String?
    package let location: SourceLocation
    /// The sheet's cell the grade was read from, for messages (「cell E3 (細目の評価)」); nil when
    /// it was written in YAML.
    package var gradeCell: String? = nil

    package init(number: Located<String>, grade: Located<String>?, progress: String?, location: SourceLocation) {
        self.number = number
        self.grade = grade
        self.progress = progress
        self.location = location
    }
}
