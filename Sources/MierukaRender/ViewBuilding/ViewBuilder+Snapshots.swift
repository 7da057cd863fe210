import MierukaModel
import MierukaSite

/// The parts of a year's report for points within the year (`as_of:` on published tables and on
/// items' results). Each point is the plan seen at it (`Plan.at`), so its tables are made by the
/// rules of the year's own and captioned with the point.
extension ViewBuilder {
    /// The anchor of the year report's part for points within the year.
    static let snapshotsID = "snapshots"

    /// One part per point of the year, in their order. A published table already shown as the
    /// year's (a year published only at a point) is not shown twice.
    func snapshotReports(_ planIndex: PlanIndex, year: FiscalYear) -> [SnapshotReportView] {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        return plan.snapshotPoints(in: year).compactMap { point in
            let seen = PlanIndex(plan: plan.at(point, in: year), departmentSlugs: [:])
            let scope = "at-\(point.month)-\(point.day ?? 0)"
            var tables: [GradeTableView] = []
            func add(_ index: PlanIndex, main: Plan, subject: String, kind: String) {
                var builder = TableBuilder(index: index, links: links)
                builder.subject = subject
                builder.point = point
                builder.chartKind = "\(kind)-\(scope)"
                let rows = main.topLevelPolicies
                if let published = index.plan.declared(in: year), published.hasGradeCounts,
                    !Snapshot.samePoint(main.declared(in: year)?.asOf, point)
                {
                    builder.chartKind = "\(kind)-\(scope)-published"
                    if let table = builder.gradeTable(year: year, rows: rows, rowHeading: plan.levelName(0)) {
                        tables.append(table)
                    }
                    builder.chartKind = "\(kind)-\(scope)"
                }
                if index.tallies[year].map({ $0.totalListings > $0.totalUngraded }) == true,
                    let table = builder.gradeTable(year: year, rows: rows, rowHeading: plan.levelName(0), counted: true)
                {
                    tables.append(table)
                }
            }
            add(seen, main: plan, subject: "評価", kind: "grades")
            for axisIndex in plan.axes.indices where axisIndex < seen.axes.count && axisIndex < planIndex.axes.count {
                add(seen.axes[axisIndex], main: planIndex.axes[axisIndex].plan, subject: plan.axes[axisIndex].name, kind: "axis-\(axisIndex + 1)")
            }
            guard !tables.isEmpty else { return nil }
            var view = SnapshotReportView(
                heading: format.year(year, asOf: point), id: "snapshot-\(point.month)" + (point.day.map { "-\($0)" } ?? ""),
                tables: tables)
            // What the report says at that point, with its tables (a year's own notes are at the top of the page).
            if !Snapshot.samePoint(plan.declared(in: year)?.asOf, point) {
                view.notesHTML = html(plan.declared(in: year, at: point)?.notes, under: 3)
                view.highlights = highlightViews(plan.declared(in: year, at: point), plan: plan, withYear: false, level: 4)
            }
            return view
        }
    }
}
