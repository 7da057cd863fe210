import MierukaModel

extension ResultsDataset {
    /// Which of the optional columns a plan's 取組の年度別結果 has, found once for all its rows
    /// (each is a look through every item of the plan), and how a row's cells after the KPI's are
    /// laid out.
    struct RowLayout {
        let plan: Plan
        let graders: Graders
        let compositions: Compositions
        let hasProvisional: Bool
        let hasPoints: Bool
        let hasUnreadable: Bool
        let hasPrevious: Bool
        let hasKinds: Bool
        let hasSubItems: Bool
        /// Cells in a row, at most (room reserved for each row).
        let columnCount: Int

        init(_ plan: Plan) {
            self.plan = plan
            graders = Graders(plan)
            compositions = Compositions(plan)
            hasProvisional = KPIsDataset.hasProvisional(plan)
            hasPoints = ResultsDataset.hasPoints(plan)
            hasUnreadable = ResultsDataset.hasUnreadable(plan)
            hasPrevious = ResultsDataset.hasPreviousGrades(plan)
            hasKinds = ResultsDataset.hasEffectKinds(plan)
            hasSubItems = ResultsDataset.hasSubItems(plan)
            // The fixed columns, and room for the optional ones.
            columnCount = 32 + 2 * plan.axes.count
        }

        /// A row of `itemCells` with the KPI's cells empty, and the sub-item result's cells (nil:
        /// empty).
        func rowWithoutKPI(_ itemCells: [String], _ result: YearResult, subitem: SubItemResult?, of item: Item) -> [String] {
            var row = itemCells
            row += repeatElement("", count: 6)
            appendTail(result, subitem: subitem, of: item, provisional: nil, to: &row)
            return row
        }

        /// The cells after the KPI's: the axes, the sub-item, who graded, how, whether the actual is
        /// provisional, why the grade is unreadable, the previous grade, each where the plan has it.
        func appendTail(
            _ result: YearResult, subitem: SubItemResult?, of item: Item, provisional: KPIProvisional?, to row: inout [String]
        ) {
            // (Each group only where the plan has it: appending an empty list of cells cost about
            // 400 instructions, and most plans have none of these columns.)
            if !plan.axes.isEmpty { row += ResultsDataset.axisCells(result, plan: plan) }
            if let subitem {
                row += ResultsDataset.subItemCells(subitem, item: item, plan: plan)
            } else if hasSubItems {
                row += repeatElement("", count: 4)
            }
            if graders.grades || !graders.axes.isEmpty { row += graders.cells(result) }
            if compositions.hasColumns { row += compositions.cells(result, plan: plan) }
            if hasProvisional { row += ResultsDataset.provisionalCells(provisional) }
            if hasUnreadable { row.append(result.gradeUnreadable ?? "") }
            if hasPrevious { row.append(result.previousGrade?.value ?? "") }
        }
    }
}
