/// A plan seen at one point within one fiscal year (「令和元年度・8月末時点」): each item's result at
/// that point (`Item.snapshots`) as the year's result, and the year's published table at that point
/// as the year's. Its counts and tables are then made, and its published tables compared, by the very
/// rules of the year's own, so figures at a point are only ever counted and compared with figures
/// at the same point.
extension Plan {
    package func at(_ point: Snapshot, in year: FiscalYear) -> Plan {
        let items = self.items.map { item in
            var seen = Item(
                slug: item.slug, title: item.title, listings: item.listings, departments: item.departments, kpis: [],
                results: item.snapshots(in: year).filter { Snapshot.samePoint($0.asOf, point) },
                summary: item.summary, body: "", bodyLocation: item.bodyLocation, location: item.location)
            seen.subitems = item.subitems
            return seen
        }
        var seen = Plan(
            slug: slug, city: city, title: title, subtitle: subtitle, period: period, yearStyle: yearStyle,
            moneyUnit: moneyUnit, grades: grades, gradeShare: gradeShare, states: states, levelNames: levelNames,
            policies: policies, items: items,
            declared: declared.filter { $0.year == year && Snapshot.samePoint($0.asOf, point) },
            summary: summary, body: "", bodyLocation: bodyLocation, order: order, location: location)
        seen.publisher = publisher
        seen.axes = axes
        seen.gradedBy = gradedBy
        seen.statesHeading = statesHeading
        return seen
    }

    /// The points within `year` at which any item has a result or the year has a published table,
    /// in their order (the year's end not among them).
    package func snapshotPoints(in year: FiscalYear) -> [Snapshot] {
        var points: [Snapshot] = []
        func add(_ point: Snapshot?) {
            guard let point, !points.contains(where: { Snapshot.samePoint($0, point) }) else { return }
            points.append(point)
        }
        for table in declared where table.year == year { add(table.asOf) }
        for item in items {
            for result in item.snapshots(in: year) { add(result.asOf) }
        }
        return points.sorted { $0.fiscalOrder < $1.fiscalOrder }
    }

    /// Whether the year's report has a part for `point` with a table in it (`ViewBuilder.snapshotReports`):
    /// counts published at the point, on the plan's grades or on an axis, other than the year's own
    /// table, or items' results at the point with a grade or a state to count, on the grades or an
    /// axis. The notes of the year's published table at that point are shown there, and only there.
    package func showsTables(at point: Snapshot, in year: FiscalYear) -> Bool {
        // A published table is drawn when it gives counts on a scale with grades (all 0 included).
        func published(_ tables: [DeclaredYear], scale: GradeScale) -> Bool {
            guard !scale.isEmpty else { return false }
            let ofYear = tables.filter { $0.year == year }
            let main = ofYear.first { $0.asOf == nil } ?? ofYear.max { DeclaredYear.pointOrder($0.asOf) < DeclaredYear.pointOrder($1.asOf) }
            guard !Snapshot.samePoint(main?.asOf, point) else { return false }
            return ofYear.contains { Snapshot.samePoint($0.asOf, point) && $0.hasGradeCounts }
        }
        if published(declared, scale: grades) { return true }
        for (axisIndex, axis) in axes.enumerated() where published(declared.compactMap { $0.axes[axisIndex] }, scale: axis.grades) {
            return true
        }
        return items.contains { item in
            item.snapshots(in: year).contains { result in
                Snapshot.samePoint(result.asOf, point)
                    && (result.grade != nil || result.state != nil || result.axisValues.contains { $0.grade != nil || $0.state != nil })
            }
        }
    }
}

