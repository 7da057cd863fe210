import MierukaDiagnostics

/// One item's result for one fiscal year, from an item's front matter or a file in seeds/.
package struct ResultDocument: Sendable {
    /// The item number (in seeds/; nil in an item's own front matter).
    package let item: Located<String>?
    /// nil in seeds/ files, where the file gives the year for all its results.
    package let year: Located<FiscalYear>?
    package let grade: Located<String>?
    package let progress: String?
    package let factors: String?
    package let nextSteps: String?
    package let kpiActuals: [KPIActualDocument]
    package let effect: EffectDocument?
    /// The year's other amounts, each of another kind (`effect:` as a list, one entry per kind).
    package var moreEffects: [EffectDocument] = []
    /// How the item's sub-items (細目) went that year.
    package var subitems: [SubItemResultDocument] = []
    /// Values on the plan's status axes (`axes:`), as written.
    package var axes: [AxisValueDocument] = []
    /// `graded_by:`: who gave this result's grade, when the report says so for it.
    package var gradedBy: Located<String>? = nil
    /// `grading:` and `member_grades:`: how the grade was reached, and the members' grades behind it.
    package var composition: GradeCompositionDocument? = nil
    /// `as_of:`: the point within the year the result stands at (「8月末」); nil for the year's end.
    package var asOf: Snapshot? = nil
    /// `grade_unreadable:`: the report grades the item this year, but the grade could not be read
    /// from the copy transcribed (a cut-off stored copy); the transcriber's words for why.
    package var gradeUnreadable: Located<String>? = nil
    /// `previous_grade:`: the previous year's grade the report prints beside the item, as printed.
    package var previousGrade: Located<String>? = nil
    package let location: SourceLocation

    package init(
        item: Located<String>?, year: Located<FiscalYear>?, grade: Located<String>?, progress: String?,
        factors: String?, nextSteps: String?, kpiActuals: [KPIActualDocument], effect: EffectDocument?,
        location: SourceLocation
    ) {
        self.item = item
        self.year = year
        self.grade = grade
        self.progress = progress
        self.factors = factors
        self.nextSteps = nextSteps
        self.kpiActuals = kpiActuals
        self.effect = effect
        self.location = location
    }
}

/// A file of yearly results in seeds/: one plan, one fiscal year, many items.
package struct ResultsDocument: Sendable {
    package let plan: Located<String>
    package let year: Located<FiscalYear>
    package let results: [ResultDocument]
    /// The point within the year every result of the file stands at (`as_of:`, a 時点 column's
    /// value); nil for the year's end.
    package var asOf: Snapshot? = nil
    package let location: SourceLocation

    package init(plan: Located<String>, year: Located<FiscalYear>, results: [ResultDocument], location: SourceLocation) {
        self.plan = plan
        self.year = year
        self.results = results
        self.location = location
    }
}
