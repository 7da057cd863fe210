import MierukaDiagnostics

/// One item's result for one fiscal year, from an item's front matter or a file in seeds/.
public struct ResultDocument: Sendable {
    /// The item number (in seeds/; nil in an item's own front matter).
    public let item: Located<String>?
    /// nil in seeds/ files, where the file gives the year for all its results.
    public let year: Located<FiscalYear>?
    public let grade: Located<String>?
    public let progress: String?
    public let factors: String?
    public let nextSteps: String?
    public let kpiActuals: [KPIActualDocument]
    public let effect: EffectDocument?
    public let location: SourceLocation

    public init(
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
public struct ResultsDocument: Sendable {
    public let plan: Located<String>
    public let year: Located<FiscalYear>
    public let results: [ResultDocument]
    public let location: SourceLocation

    public init(plan: Located<String>, year: Located<FiscalYear>, results: [ResultDocument], location: SourceLocation) {
        self.plan = plan
        self.year = year
        self.results = results
        self.location = location
    }
}
