import MierukaDiagnostics

/// A plan's index document as written.
public struct PlanDocument: Sendable {
    /// The plan folder's name under content/.
    public let slug: String
    public let city: Located<String>
    public let title: Located<String>
    public let subtitle: String?
    public let period: Located<FiscalYearRange>
    public let yearStyle: FiscalYearStyle
    public let moneyUnit: MoneyUnit
    public let grades: [GradeDocument]
    public let gradeShare: GradeShareDocument?
    /// `grade_order: best_first`: the plan says its scale runs from the best grade to the worst.
    public var gradesRanked = false
    /// `states:`: what an item may be in a year instead of graded, written like grades.
    public let states: [GradeDocument]
    public let levelNames: [String]
    public let policies: [PolicyDocument]
    public let declared: [DeclaredDocument]
    public let lineage: [LineageEntry]
    public let matrices: [MatrixDocument]
    public let timelines: [Timeline]
    public let tables: [PublishedTable]
    /// `money_tables:` and `achievements:`, as written.
    public var reported: ReportedFigures = .none
    public let sources: [String]
    public let summary: String?
    public let body: String
    /// Where the body starts in the file.
    public let bodyLocation: SourceLocation
    public let order: Int
    public let location: SourceLocation

    public init(
        slug: String, city: Located<String>, title: Located<String>, subtitle: String?,
        period: Located<FiscalYearRange>, yearStyle: FiscalYearStyle, moneyUnit: MoneyUnit, grades: [GradeDocument],
        gradeShare: GradeShareDocument? = nil, states: [GradeDocument] = [], levelNames: [String], policies: [PolicyDocument], declared: [DeclaredDocument], lineage: [LineageEntry],
        matrices: [MatrixDocument], timelines: [Timeline], tables: [PublishedTable], sources: [String], summary: String?,
        body: String, bodyLocation: SourceLocation, order: Int, location: SourceLocation
    ) {
        self.slug = slug
        self.city = city
        self.title = title
        self.subtitle = subtitle
        self.period = period
        self.yearStyle = yearStyle
        self.moneyUnit = moneyUnit
        self.grades = grades
        self.gradeShare = gradeShare
        self.states = states
        self.levelNames = levelNames
        self.policies = policies
        self.declared = declared
        self.lineage = lineage
        self.matrices = matrices
        self.timelines = timelines
        self.tables = tables
        self.sources = sources
        self.summary = summary
        self.body = body
        self.bodyLocation = bodyLocation
        self.order = order
        self.location = location
    }
}

/// A grade as written: a code with its meaning (`{code: A, label: 概ね計画どおり}`), or a word alone
/// (`{label: 達成}`) on a scale without codes.
public struct GradeDocument: Sendable {
    public let code: Located<String>?
    public let label: Located<String>
    public let location: SourceLocation

    public init(code: Located<String>?, label: Located<String>, location: SourceLocation) {
        self.code = code
        self.label = label
        self.location = location
    }
}

/// `grade_share:` as written: the grades whose share the city itself reports, in its own words.
public struct GradeShareDocument: Sendable {
    public let grades: [Located<String>]
    public let label: Located<String>?
    public let location: SourceLocation

    public init(grades: [Located<String>], label: Located<String>?, location: SourceLocation) {
        self.grades = grades
        self.label = label
        self.location = location
    }
}

/// A policy and its sub-policies as written.
public struct PolicyDocument: Sendable {
    public let id: Located<String>
    public let number: String?
    public let title: String
    public let description: String?
    public let slug: Located<String>?
    public let kpis: [KPIDocument]
    public let children: [PolicyDocument]
    public let location: SourceLocation

    public init(
        id: Located<String>, number: String?, title: String, description: String?, slug: Located<String>?,
        kpis: [KPIDocument], children: [PolicyDocument], location: SourceLocation
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.description = description
        self.slug = slug
        self.kpis = kpis
        self.children = children
        self.location = location
    }
}

/// A published table as written under `declared:`.
public struct DeclaredDocument: Sendable {
    public let year: Located<FiscalYear>
    /// 増減 per grade against the previous year, as the report prints it (`grade_change:`).
    public var gradeChange: DeclaredCountsDocument? = nil
    public let listings: Located<Int>?
    public let relisted: Located<Int>?
    public let gradeRows: [DeclaredGradeRowDocument]
    public let gradeTotal: DeclaredCountsDocument?
    public let effectRows: [DeclaredEffectRowDocument]
    public let effectTotal: EffectDocument?
    /// The 累計 the city published for the plan's years up to this one (`effect_cumulative:`).
    public let effectCumulative: EffectDocument?
    /// The share of the plan's `grade_share:` grades as the report publishes it (`grade_share:`).
    public let publishedShare: PublishedShare?
    public let source: String?
    public let highlights: [HighlightGroup]
    public let notes: String?
    public let location: SourceLocation

    public init(
        year: Located<FiscalYear>, listings: Located<Int>?, relisted: Located<Int>?,
        gradeRows: [DeclaredGradeRowDocument], gradeTotal: DeclaredCountsDocument?,
        effectRows: [DeclaredEffectRowDocument], effectTotal: EffectDocument?, effectCumulative: EffectDocument? = nil,
        publishedShare: PublishedShare? = nil, source: String?, highlights: [HighlightGroup], notes: String?,
        location: SourceLocation
    ) {
        self.effectCumulative = effectCumulative
        self.publishedShare = publishedShare
        self.year = year
        self.listings = listings
        self.relisted = relisted
        self.gradeRows = gradeRows
        self.gradeTotal = gradeTotal
        self.effectRows = effectRows
        self.effectTotal = effectTotal
        self.source = source
        self.highlights = highlights
        self.notes = notes
        self.location = location
    }
}

/// Counts per grade code as written (`{S: 1, A: 4, B: 2}`).
public struct DeclaredCountsDocument: Sendable {
    public let counts: [(code: Located<String>, count: Int)]
    public let location: SourceLocation

    public init(counts: [(code: Located<String>, count: Int)], location: SourceLocation) {
        self.counts = counts
        self.location = location
    }
}

public struct DeclaredGradeRowDocument: Sendable {
    public let policy: Located<String>
    public let counts: DeclaredCountsDocument
    public let location: SourceLocation

    public init(policy: Located<String>, counts: DeclaredCountsDocument, location: SourceLocation) {
        self.policy = policy
        self.counts = counts
        self.location = location
    }
}

public struct DeclaredEffectRowDocument: Sendable {
    public let policy: Located<String>
    public let effect: EffectDocument
    public let location: SourceLocation

    public init(policy: Located<String>, effect: EffectDocument, location: SourceLocation) {
        self.policy = policy
        self.effect = effect
        self.location = location
    }
}
