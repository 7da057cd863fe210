import MierukaDiagnostics

/// A plan's index document as written.
package struct PlanDocument: Sendable {
    /// The plan folder's name under content/.
    package let slug: String
    package let city: Located<String>
    package let title: Located<String>
    package let subtitle: String?
    package let period: Located<FiscalYearRange>
    package let yearStyle: FiscalYearStyle
    package let moneyUnit: MoneyUnit
    package let grades: [GradeDocument]
    package let gradeShare: GradeShareDocument?
    /// `grade_order: best_first`: the plan says its scale runs from the best grade to the worst.
    package var gradesRanked = false
    /// `states:`: what an item may be in a year instead of graded, written like grades.
    package let states: [GradeDocument]
    /// `states_heading:`: the report's own heading over its states, as written.
    package var statesHeading: Located<String>? = nil
    package let levelNames: [String]
    package let policies: [PolicyDocument]
    package let declared: [DeclaredDocument]
    package let lineage: [LineageEntry]
    package let matrices: [MatrixDocument]
    package let timelines: [Timeline]
    package let tables: [PublishedTable]
    /// `money_tables:` and `achievements:`, as written.
    package var reported: ReportedFigures = .none
    /// `publisher_kind:`: what kind of body publishes the reports (市, 町, 県, 広域連合 …), when written.
    package var publisherKind: Located<String>? = nil
    /// `plan_kpis:`: the plan's own KPIs (主要目標), as the reports print them.
    package var planKPIs: [PlanKPITable] = []
    /// `revisions:`, as written.
    package var revisions: [RevisionDocument] = []
    /// `axes:`: status axes besides the plan's grades, as written.
    package var axes: [AxisDocument] = []
    /// `graded_by:`: who graded on the plan's own scale (自己評価, 内部評価 …), as the report says.
    package var gradedBy: Located<String>? = nil
    /// `opinions:`: what a committee said of a year's results, as written.
    package var opinions: [OpinionDocument] = []
    package let sources: [String]
    package let summary: String?
    package let body: String
    /// Where the body starts in the file.
    package let bodyLocation: SourceLocation
    package let order: Int
    package let location: SourceLocation

    package init(
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
package struct GradeDocument: Sendable {
    package let code: Located<String>?
    package let label: Located<String>
    /// 評価の基準 as the plan writes it (「達成率が100％以上」), when it gives one.
    package var definition: String? = nil
    package let location: SourceLocation

    package init(code: Located<String>?, label: Located<String>, location: SourceLocation) {
        self.code = code
        self.label = label
        self.location = location
    }
}

/// `grade_share:` as written: the grades whose share the city itself reports, in its own words.
package struct GradeShareDocument: Sendable {
    package let grades: [Located<String>]
    package let label: Located<String>?
    package let location: SourceLocation

    package init(grades: [Located<String>], label: Located<String>?, location: SourceLocation) {
        self.grades = grades
        self.label = label
        self.location = location
    }
}

/// A policy and its sub-policies as written.
package struct PolicyDocument: Sendable {
    package let id: Located<String>
    package let number: String?
    package let title: String
    package let description: String?
    package let slug: Located<String>?
    package let kpis: [KPIDocument]
    package let children: [PolicyDocument]
    package let location: SourceLocation

    package init(
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
package struct DeclaredDocument: Sendable {
    package let year: Located<FiscalYear>
    /// 増減 per grade against the previous year, as the report prints it (`grade_change:`).
    package var gradeChange: DeclaredCountsDocument? = nil
    /// `as_of:`: the point within the year the published figures stand at (「9月末」).
    package var asOf: Snapshot? = nil
    /// `state_total:`: the listings the report counts in a state instead of a grade (「完了 22年度に
    /// 完了 6項目」), by state code.
    package var stateTotal: DeclaredCountsDocument? = nil
    /// `axes:`: the counts the report publishes on the plan's status axes.
    package var axes: [DeclaredAxisDocument] = []
    /// `grouped_by:`: the name of the report's own grouping of its rows, as the report heads it
    /// (相模原市's 管理区分), for `groups:`.
    package var grouping: Located<String>? = nil
    /// `groups:`: published counts per group of the report's own grouping, never a policy.
    package var groupRows: [DeclaredGroupRowDocument] = []
    /// Where `groups:` is written, for messages about it.
    package var groupsLocation: SourceLocation? = nil
    package let listings: Located<Int>?
    package let relisted: Located<Int>?
    package let gradeRows: [DeclaredGradeRowDocument]
    package let gradeTotal: DeclaredCountsDocument?
    package let effectRows: [DeclaredEffectRowDocument]
    package let effectTotal: EffectDocument?
    /// The 累計 the city published for the plan's years up to this one (`effect_cumulative:`).
    package let effectCumulative: EffectDocument?
    /// `effect_total:` as a list, one published total per kind (単年度 / 継続): the totals after the
    /// first (which is `effectTotal`).
    package var moreEffectTotals: [EffectDocument] = []
    /// `effect_cumulative:` as a list, one per kind: the ones after the first.
    package var moreEffectCumulatives: [EffectDocument] = []
    /// The share of the plan's `grade_share:` grades as the report publishes it (`grade_share:`).
    package let publishedShare: PublishedShare?
    /// `grade_rates:` and `total_rate:`: the 割合 the report prints beside every count, as written.
    package var gradeRates: DeclaredRatesDocument? = nil
    package let source: String?
    package let highlights: [HighlightGroup]
    package let notes: String?
    package let location: SourceLocation

    package init(
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
package struct DeclaredCountsDocument: Sendable {
    package let counts: [(code: Located<String>, count: Int)]
    package let location: SourceLocation
    /// Each count as written, in the order of `counts`, for a 増減 shown as published (「▲22」,
    /// 「22」, 「+1」); empty for counts that are not signed.
    package var texts: [String] = []

    package init(counts: [(code: Located<String>, count: Int)], location: SourceLocation) {
        self.counts = counts
        self.location = location
    }
}

/// Published counts on one status axis for a year (`declared:` → `axes:`), as the report prints them
/// beside the plan's own grades (着手状況 counts beside 達成度 counts).
package struct DeclaredAxisDocument: Sendable {
    /// The axis, by its name or its id.
    package let axis: Located<String>
    package let gradeRows: [DeclaredGradeRowDocument]
    package let gradeTotal: DeclaredCountsDocument?
    /// The share of the axis's `grade_share:` grades as the report publishes it.
    package var publishedShare: PublishedShare? = nil
    /// 増減 per grade of the axis's scale against the previous year, as published.
    package var gradeChange: DeclaredCountsDocument? = nil
    /// The 割合 the report prints beside every count on the axis, as written.
    package var gradeRates: DeclaredRatesDocument? = nil
    package let location: SourceLocation

    package init(
        axis: Located<String>, gradeRows: [DeclaredGradeRowDocument], gradeTotal: DeclaredCountsDocument?,
        location: SourceLocation
    ) {
        self.axis = axis
        self.gradeRows = gradeRows
        self.gradeTotal = gradeTotal
        self.location = location
    }
}

package struct DeclaredGradeRowDocument: Sendable {
    package let policy: Located<String>
    package let counts: DeclaredCountsDocument
    package let location: SourceLocation

    package init(policy: Located<String>, counts: DeclaredCountsDocument, location: SourceLocation) {
        self.policy = policy
        self.counts = counts
        self.location = location
    }
}

/// A row of published counts under the report's own grouping: `- {group: 局管理項目, counts: {A: 37, …}}`.
package struct DeclaredGroupRowDocument: Sendable {
    /// The row's name as the report prints it.
    package let group: Located<String>
    package let counts: DeclaredCountsDocument
    package let location: SourceLocation

    package init(group: Located<String>, counts: DeclaredCountsDocument, location: SourceLocation) {
        self.group = group
        self.counts = counts
        self.location = location
    }
}

package struct DeclaredEffectRowDocument: Sendable {
    package let policy: Located<String>
    package let effect: EffectDocument
    package let location: SourceLocation

    package init(policy: Located<String>, effect: EffectDocument, location: SourceLocation) {
        self.policy = policy
        self.effect = effect
        self.location = location
    }
}

/// The 割合 a published count table prints beside every count (`grade_rates: {未達成: 30.4%, …}`)
/// and beside its 合計 (`total_rate: 100%`), as written.
package struct DeclaredRatesDocument: Sendable {
    package let rates: [(code: Located<String>, rate: PublishedRate)]
    package let total: PublishedRate?
    package let location: SourceLocation

    package init(rates: [(code: Located<String>, rate: PublishedRate)], total: PublishedRate?, location: SourceLocation) {
        self.rates = rates
        self.total = total
        self.location = location
    }
}
