import MierukaDiagnostics
import MierukaModel

/// Compares the sums a money table in the report's own layout prints (小計, 計, 合計, declared with
/// `sum_of:`) with what their rows or columns add up to, counting △ and 「…の増」 by the table's
/// `sign:`. A difference is a warning: the figures are the city's and are shown as published.
struct MoneyGridChecker {
    let table: MoneyTable
    let grid: MoneyGrid
    let plan: Plan

    var name: String { "the money table 「\(table.title)」" }

    func check(diagnostics: inout Diagnostics) {
        // Text rows (a 達成率 row) hold no amounts: never a sum, never a part of one.
        let amounts: [(offset: Int, row: MoneyGridAmounts)] = grid.rows.enumerated().compactMap {
            if case .amounts(let row) = $0.element, !row.isText { ($0.offset, row) } else { nil }
        }
        // Columns printed as sums (第3次計), in every row that has all their parts.
        for (index, column) in grid.columns.enumerated() {
            guard let sum = column.sum else { continue }
            let parts = columnParts(sum)
            for (_, row) in amounts {
                compare(
                    row.cells[index], parts.map { row.cells[$0] },
                    what: "\(row.label), \(column.heading)", partsName: partsName(sum, columns: true), diagnostics: &diagnostics)
            }
        }
        // Rows printed as sums (小計, 合計, 効果額 = 削減額 + 収入額), in every column.
        for (offset, row) in amounts {
            guard let sum = row.sum else { continue }
            let parts = rowParts(sum, before: offset, amounts: amounts)
            for (index, column) in grid.columns.enumerated() where !column.isText {
                compare(
                    row.cells[index], parts.map { $0.cells[index] },
                    what: "\(row.label), \(column.heading)", partsName: partsName(sum, columns: false), diagnostics: &diagnostics)
            }
        }
        checkBrackets(diagnostics: &diagnostics)
    }

    /// Each bracketed 累計 against the row's figures for the years up to its column, counted by the
    /// table's rule, where every year from the first to that column is printed: in a year column,
    /// the years up to it; in a column printed as a sum of year columns, the years up to its last part.
    func checkBrackets(diagnostics: inout Diagnostics) {
        guard let bracket = grid.bracket, let rule = bracket.rule else { return }
        let years = grid.yearColumns
        guard years.count == table.years.length else { return }
        for case .amounts(let row) in grid.rows where !row.isText {
            for (index, column) in grid.columns.enumerated() {
                guard let published = row.cells[index]?.bracketed, !published.written.approximate else { continue }
                let through: Int?
                if let position = years.firstIndex(of: index) {
                    through = position
                } else if let sum = column.sum {
                    through = columnParts(sum).compactMap { years.firstIndex(of: $0) }.max()
                } else {
                    through = nil
                }
                guard let through else { continue }
                let figures = years.prefix(through + 1).map { row.cells[$0]?.value }
                let approximate = years.prefix(through + 1).contains { row.cells[$0]?.written.approximate == true }
                guard !approximate, figures.allSatisfy({ $0 != nil }), let expected = rule.cumulative(figures.compactMap { $0 }, through: through),
                    expected != published.value
                else { continue }
                let first = grid.columns[years[0]].heading
                let span = through == 0 ? first : "\(first)～\(grid.columns[years[through]].heading)"
                let how =
                    rule == .runningTotal
                    ? "its figures for \(span) add up to"
                    : "its figures for \(span), each counted again in every later year, come to"
                diagnostics.warning(
                    at: published.written.location,
                    "\(name): \(row.label), \(column.heading) prints \(published.written.text) in brackets as its \(bracket.label), but \(how) \(formatted(expected, like: GridAmount(written: published.written, value: published.value)))",
                    hint: ReportedFiguresChecker.keepHint)
            }
        }
    }

    private func columnParts(_ sum: MoneySum) -> [Int] {
        switch sum {
        case .all, .group: grid.columns.indices.filter { grid.columns[$0].sum == nil && !grid.columns[$0].isText }
        case .of(let names): names.compactMap { name in grid.columns.firstIndex { $0.heading == name } }
        }
    }

    /// `group`: the rows that are not sums, after the last group heading (or the last 小計 of the
    /// same kind) and before this row.
    private func rowParts(_ sum: MoneySum, before offset: Int, amounts: [(offset: Int, row: MoneyGridAmounts)]) -> [MoneyGridAmounts] {
        switch sum {
        case .all:
            return amounts.map(\.row).filter { $0.sum == nil }
        case .of(let names):
            return names.compactMap { name in amounts.first { $0.row.label == name }?.row }
        case .group:
            var parts: [MoneyGridAmounts] = []
            for index in stride(from: offset - 1, through: 0, by: -1) {
                switch grid.rows[index] {
                case .group: return parts.reversed()
                case .amounts(let row):
                    if row.sum == .group { return parts.reversed() }
                    if row.sum == nil, !row.isText { parts.append(row) }
                }
            }
            return parts.reversed()
        }
    }

    private func partsName(_ sum: MoneySum, columns: Bool) -> String {
        switch sum {
        case .group: "the rows of its group"
        case .all: columns ? "the columns that are not sums" : "the rows that are not sums"
        case .of(let names): names.map { "「\($0)」" }.joined(separator: " + ")
        }
    }

    private func compare(
        _ published: GridAmount?, _ parts: [GridAmount?], what: String, partsName: String, diagnostics: inout Diagnostics
    ) {
        // An approximate figure (「約49億円」) is neither a sum held to its parts nor a part of one.
        guard let published, !published.written.approximate, !parts.isEmpty, parts.allSatisfy({ $0 != nil }),
            !parts.contains(where: { $0?.written.approximate == true }),
            let sum = Money.sum(parts.map { $0?.value }), sum != published.value
        else { return }
        diagnostics.warning(
            at: published.written.location,
            "\(name): \(what) is published as \(published.written.text), but \(partsName) add up to \(formatted(sum, like: published))",
            hint: ReportedFiguresChecker.keepHint)
    }

    /// A computed sum written the way the compared figure is: in the table's unit, with △ for a
    /// reduction and 「…の増」 for an increase where the table's sign says so.
    private func formatted(_ value: Money, like published: GridAmount) -> String {
        let unit = table.unit ?? plan.moneyUnit
        let withUnit = table.unit == nil
        let text = published.written.text
        let magnitude = Money(yen: Int64(clamping: value.yen.magnitude))
        switch table.sign {
        case .signed:
            let negative: NegativeStyle = text.hasPrefix("△") || text.hasPrefix("▲") ? .triangle : .minus
            return value.formatted(in: unit, withUnit: withUnit, negative: negative)
        case .reduction:
            let reductionMark = text.hasPrefix("▲") ? "▲" : "△"
            let writtenAsReduction = text.hasPrefix("△") || text.hasPrefix("▲")
            if value.yen < 0, text.hasSuffix(MoneyGridChecker.increase) || writtenAsReduction {
                return magnitude.formatted(in: unit, withUnit: withUnit) + MoneyGridChecker.increase
            }
            if writtenAsReduction || published.written.money.yen < 0 {
                return reductionMark + magnitude.formatted(in: unit, withUnit: withUnit)
            }
            return value.formatted(in: unit, withUnit: withUnit, negative: .minus)
        }
    }

    static let increase = "の増"
}
