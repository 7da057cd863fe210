import MierukaDiagnostics

/// A reform plan (計画 / 大綱) with its policy hierarchy, items and published tables.
package struct Plan: Sendable {
    /// The URL segment: the plan's folder name under content/.
    package let slug: String
    package let city: String
    package let title: String
    /// A second title line (e.g. 「第4次つくばみらい市行財政改革大綱」).
    package let subtitle: String?
    package let period: FiscalYearRange
    package let yearStyle: FiscalYearStyle
    /// The unit in which the plan's amounts are written and shown.
    package let moneyUnit: MoneyUnit
    package let grades: GradeScale
    /// The grades whose share the city reports, when it names them (`grade_share:`).
    package let gradeShare: GradeShare?
    /// States an item may have in a year instead of a grade (目標年度が未到来, 対象外, 変更・中止 …),
    /// as the plan declares them beside its scale: shown, but outside grade counts and denominators.
    package let states: GradeScale
    /// What the pages call the plan's `states:` as a whole: the report's own heading over them
    /// (`states_heading:`, 「達成状況が確定できないもの」), else 「評価の対象外」.
    package var statesHeading = Plan.defaultStatesHeading
    /// What the pages call a scale's states when the plan names no heading for them.
    package static let defaultStatesHeading = "評価の対象外"
    /// Names of the hierarchy levels, top first (["基本方針", "推進項目"]); "方針" when not given.
    package let levelNames: [String]
    /// The hierarchy in document order (a parent before its children).
    package let policies: [Policy]
    /// Items in the plan's order (by primary number).
    package let items: [Item]
    package let declared: [DeclaredYear]
    /// The earlier plans that led to this one, oldest first.
    package let lineage: [LineageEntry]
    package let matrices: [Matrix]
    package let timelines: [Timeline]
    package let tables: [PublishedTable]
    /// Money tables and achievement counts the reports publish outside the policy tree.
    package var reported: ReportedFigures = .none
    /// Who publishes the plan's reports, for 「町の公表値」 (from `publisher_kind:` or `city:`).
    package var publisher = Publisher(kind: "市")
    /// The plan's own KPIs (主要目標), every figure as the reports print it.
    package var planKPIs: [PlanKPITable] = []
    /// The plan's declared revisions (計画の見直し), oldest first.
    package var revisions: PlanRevisions = .none
    /// Status axes the plan grades its items on besides (or instead of) `grades` (`axes:`).
    package var axes: [StatusAxis] = []
    /// Who graded on the plan's own scale, as the report says (`graded_by:`); nil when it does not.
    package var gradedBy: String? = nil
    /// Opinions published beside the results (委員会の意見), by year, on the year or on an item.
    package var opinions: [CommitteeOpinion] = []
    /// The published documents the plan's pages are transcribed from.
    package let sources: [String]
    /// One line for lists and the page description.
    package let summary: String?
    /// Markdown body of the plan document.
    package let body: String
    /// Where the body starts in its file.
    package let bodyLocation: SourceLocation
    /// Position on the home page (smaller first); plans with equal order sort by slug.
    package let order: Int
    package let location: SourceLocation

    package init(
        slug: String, city: String, title: String, subtitle: String?, period: FiscalYearRange,
        yearStyle: FiscalYearStyle, moneyUnit: MoneyUnit, grades: GradeScale, gradeShare: GradeShare? = nil, states: GradeScale = GradeScale([]), levelNames: [String],
        policies: [Policy], items: [Item], declared: [DeclaredYear], lineage: [LineageEntry] = [],
        matrices: [Matrix] = [], timelines: [Timeline] = [], tables: [PublishedTable] = [], sources: [String] = [],
        summary: String?, body: String, bodyLocation: SourceLocation,
        order: Int, location: SourceLocation
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
        self.items = items
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

    /// Indices of the top-level policies.
    package var topLevelPolicies: [Int] {
        policies.indices.filter { policies[$0].parent == nil }
    }

    /// The top-level policy a policy belongs to (itself at the top level).
    package func topLevelAncestor(of policy: Int) -> Int {
        var current = policy
        while let parent = policies[current].parent { current = parent }
        return current
    }

    /// The ancestor of `policy` that is `ancestor`'s child, or nil when `policy` is not below `ancestor`.
    /// Used to group a policy page's counts by its sub-policies.
    package func child(of ancestor: Int, containing policy: Int) -> Int? {
        var current = policy
        while let parent = policies[current].parent {
            if parent == ancestor { return current }
            current = parent
        }
        return nil
    }

    /// True when `policy` is `ancestor` or below it.
    package func policy(_ policy: Int, isWithin ancestor: Int) -> Bool {
        var current: Int? = policy
        while let index = current {
            if index == ancestor { return true }
            current = policies[index].parent
        }
        return false
    }

    /// The name of a hierarchy level (「基本方針」), falling back to 「方針」.
    package func levelName(_ level: Int) -> String {
        level < levelNames.count ? levelNames[level] : (levelNames.last ?? "方針")
    }

    /// Years that have any result (at the year's end or at a point within it) or declared table, ascending.
    package var reportedYears: [FiscalYear] {
        var years = Set<FiscalYear>()
        for item in items {
            for result in item.results { years.insert(result.year) }
            for result in item.snapshots { years.insert(result.year) }
        }
        for table in declared { years.insert(table.year) }
        return years.sorted()
    }

    /// The year's published table: the one at the year's end, else (a year published only at points
    /// within it) the one at the latest point. A year may have several (`as_of:`), one per point.
    package func declared(in year: FiscalYear) -> DeclaredYear? {
        let tables = declaredTables(in: year)
        return tables.first { $0.asOf == nil } ?? tables.last
    }

    /// Every published table of the year, in the order of their points within it (the year's end last).
    package func declaredTables(in year: FiscalYear) -> [DeclaredYear] {
        declared.filter { $0.year == year }.sorted { DeclaredYear.pointOrder($0.asOf) < DeclaredYear.pointOrder($1.asOf) }
    }

    /// The year's published table standing at `point` (nil: the year's end), if there is one.
    package func declared(in year: FiscalYear, at point: Snapshot?) -> DeclaredYear? {
        declared.first { $0.year == year && Snapshot.samePoint($0.asOf, point) }
    }

    /// The year's published tables other than `declared(in:)`: the counts at other points of the
    /// year, in their order. They are shown each at its point, never merged or compared with another point.
    package func otherSnapshots(in year: FiscalYear) -> [DeclaredYear] {
        guard let main = declared(in: year) else { return [] }
        return declaredTables(in: year).filter { !Snapshot.samePoint($0.asOf, main.asOf) }
    }
}
