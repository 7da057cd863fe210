import MierukaDiagnostics

/// One of several statuses a plan gives each item in a year, beside or instead of its single grade
/// (着手状況 未着手/取組中/完了 beside 達成度 未達成/一部達成/達成; 佐渡市's four viewpoints plus 総合).
/// Each axis has its own name, its own scale and states, its own order and share, exactly as the
/// plan's `grades:` have, and is counted, tabled and compared on its own.
package struct StatusAxis: Sendable {
    /// How results and CSV headers name the axis: its `id`, else its name.
    package let key: String
    /// The plan's own name for the axis (「着手状況」).
    package let name: String
    package let grades: GradeScale
    /// States an item may have on this axis instead of a grade: outside its counts.
    package let states: GradeScale
    /// What the pages call this axis's states as a whole (`states_heading:`), else 「評価の対象外」.
    package var statesHeading = Plan.defaultStatesHeading
    /// The grades of this axis whose share the city reports, in its words.
    package let gradeShare: GradeShare?
    /// Who graded on this axis, as the report says (自己評価, 内部評価, 委員会評価, 委員の評価の平均);
    /// nil when the report does not say. A result may say otherwise for its own value.
    package let gradedBy: String?
    /// Further headers a results sheet gives this axis's column (besides its name and id).
    package let columns: [String]
    package let location: SourceLocation

    package init(
        key: String, name: String, grades: GradeScale, states: GradeScale = GradeScale([]), gradeShare: GradeShare? = nil,
        gradedBy: String? = nil, columns: [String] = [], location: SourceLocation
    ) {
        self.key = key
        self.name = name
        self.grades = grades
        self.states = states
        self.gradeShare = gradeShare
        self.gradedBy = gradedBy
        self.columns = columns
        self.location = location
    }
}

/// An item's value on one status axis in one year: a grade of the axis's scale or one of its states,
/// and who graded it when the result says so itself.
package struct AxisValue: Sendable, Hashable {
    /// Index in the plan's `axes`.
    package let axis: Int
    package let grade: Int?
    package let state: Int?
    /// Who graded this value, when the result says it (overrides the axis's `gradedBy`).
    package let gradedBy: String?
    /// How the value's grade was reached and the members' grades behind it, when the report says.
    package var composition: GradeComposition? = nil

    package init(axis: Int, grade: Int?, state: Int?, gradedBy: String? = nil, composition: GradeComposition? = nil) {
        self.axis = axis
        self.grade = grade
        self.state = state
        self.gradedBy = gradedBy
        self.composition = composition
    }
}

extension YearResult {
    /// The value on the plan's axis `axis`, when the year gives one.
    package func value(on axis: Int) -> AxisValue? {
        axisValues.first { $0.axis == axis }
    }
}

extension Plan {
    /// The plan seen through one of its status axes: the axis's scale, states and share in place of
    /// the plan's grades, and each year's value on that axis in place of the grade. Items, listings,
    /// policies and years stay as they are (a result without a value on the axis is 未評価 on it), so
    /// every count, table, chart and comparison made for the plan's grades is made for the axis by
    /// the same rules. Published tables are the counts published on this axis (`declared:` → `axes:`);
    /// the plan's own published tables, effects and KPIs are left out.
    package func projected(onto axisIndex: Int) -> Plan {
        let axis = axes[axisIndex]
        func project(_ result: YearResult) -> YearResult {
            let value = result.value(on: axisIndex)
            var projected = YearResult(
                year: result.year, grade: value?.grade, state: value?.state, progress: nil, factors: nil,
                nextSteps: nil, effect: nil, location: result.location)
            projected.asOf = result.asOf
            return projected
        }
        let items = self.items.map { item in
            var projected = Item(
                slug: item.slug, title: item.title, listings: item.listings, departments: item.departments, kpis: [],
                results: item.results.map(project),
                summary: item.summary, body: "", bodyLocation: item.bodyLocation, location: item.location)
            projected.snapshots = item.snapshots.map(project)
            return projected
        }
        var projected = Plan(
            slug: slug, city: city, title: title, subtitle: subtitle, period: period, yearStyle: yearStyle,
            moneyUnit: moneyUnit, grades: axis.grades, gradeShare: axis.gradeShare, states: axis.states,
            levelNames: levelNames, policies: policies, items: items,
            declared: declared.compactMap { $0.axes[axisIndex] }, summary: summary, body: "",
            bodyLocation: bodyLocation, order: order, location: location)
        // Who published the counts on the axis (市, 町 …) is who published the plan.
        projected.publisher = publisher
        projected.statesHeading = axis.statesHeading
        return projected
    }
}
