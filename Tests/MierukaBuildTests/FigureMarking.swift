import Foundation

/// Reads a built page for figures that are neither marked as the city's (市の公表値) nor as
/// Mieruka's (集計, or a note saying what Mieruka computed): the fidelity rule, checked on pages.
///
/// What it knows of the default theme: the aggregate tables (grade counts, effects, effects by year,
/// KPIs with a 進捗率, 増減 per grade, items whose grade changed, an item's grades across the years),
/// the sentence comparing a year with the previous one, the share columns, the 進捗率 in running text and the home page's grade
/// summaries. A new kind of aggregate needs a rule here.
enum FigureMarking {
    static let markedCaptionTables = [
        "grade-table", "effect-table", "grade-change-table", "item-change-table", "money-table", "achievement-table", "plan-kpi-table",
        "revision-table", "target-revision-table", "item-revision-table", "subitem-list",
    ]
    static let notedTables = ["grade-table", "effect-table", "effect-by-year", "grade-change-table", "item-change-table", "grade-history"]

    static func problems(in html: String, page: String) -> [String] {
        var problems: [String] = []
        for (kind, table, after) in tables(in: html) {
            let caption = table.range(of: "<caption>").flatMap { start in
                table.range(of: "</caption>", range: start.upperBound..<table.endIndex).map { table[start.upperBound..<$0.lowerBound] }
            }.map(String.init) ?? ""
            let title = caption.components(separatedBy: " <span").first ?? caption
            if markedCaptionTables.contains(kind),
                !isPublishedMark(caption),
                !caption.contains("<span class=\"derived-mark\">集計</span>")
            {
                problems.append("\(page): a \(kind) (\(title)) marked neither 市の公表値 nor 集計")
            }
            let notes = after.components(separatedBy: "<p class=\"table-note derived-note\">").dropFirst().map {
                $0.components(separatedBy: "</p>")[0]
            }
            let needsNote =
                notedTables.contains(kind) || (kind == "kpi-table" && table.contains(">進捗率</th>"))
                || (kind == "plan-kpi-table" && table.contains(">目標との比較</th>"))
            if needsNote, notes.isEmpty {
                problems.append("\(page): a \(kind) (\(title)) without a note on what Mieruka computed")
            }
            // A share column: its note must say what the share is of.
            for share in shareHeadings(in: table) where !notes.contains(where: { $0.contains("\(share)は") }) {
                problems.append("\(page): a share column (\(share)) without a note saying what it is of")
            }
        }
        // A 進捗率 in running text is Mieruka's: it says so.
        var search = html.startIndex..<html.endIndex
        while let found = html.range(of: "進捗率 ", range: search) {
            let rest = html[found.upperBound...]
            let figure = rest.prefix { "0123456789.,△%".contains($0) }
            if figure.hasSuffix("%"), !rest.dropFirst(figure.count).hasPrefix("（Mieruka の計算）") {
                problems.append("\(page): 進捗率 \(figure) without 「（Mieruka の計算）」")
            }
            search = found.upperBound..<html.endIndex
        }
        // The sentence comparing a year's grades with the previous year's says it is Mieruka's.
        for summary in html.components(separatedBy: "<p class=\"comparison-summary\">").dropFirst() {
            let text = summary.components(separatedBy: "</p>")[0]
            if (0...9).contains(where: { text.contains("\($0)項目") }), !text.contains("Mieruka") {
                problems.append("\(page): a comparison with the previous year (\(text)) not marked as Mieruka's")
            }
        }
        // Counts of a revision's items are Mieruka's, and say so.
        for counts in html.components(separatedBy: "<p class=\"table-note revision-counts\">").dropFirst() {
            let text = counts.components(separatedBy: "</p>")[0]
            if !text.contains("Mieruka が") || !text.contains("集計") {
                problems.append("\(page): counts of a revision's items (\(text)) not marked as Mieruka's")
            }
        }
        // The home page's sum over plans says it is Mieruka's.
        for totals in html.components(separatedBy: "<p class=\"plan-totals\">").dropFirst() {
            let text = totals.components(separatedBy: "</p>")[0]
            if !text.contains("Mieruka が合計") { problems.append("\(page): the plans' total (\(text)) not marked as Mieruka's sum") }
        }
        // A chart of grade counts says whose counts they are.
        for figure in html.components(separatedBy: "<figcaption>図：評価の分布").dropFirst() {
            let text = figure.components(separatedBy: "</figcaption>")[0]
            if !text.contains("・公表値）"), !text.contains("（Mieruka の集計）") {
                problems.append("\(page): a chart of grade counts (評価の分布\(text)) marked neither 公表値 nor 集計")
            }
        }
        // The home page's grade counts say whose they are.
        for summary in html.components(separatedBy: "<ul class=\"grade-summary\">").dropFirst() {
            let card = summary.components(separatedBy: "</li>\n<li class=\"plan-card\">")[0]
            if !card.contains("公表値です。"), !card.contains("<p class=\"table-note derived-note\">") {
                problems.append("\(page): grade counts on the home page marked neither 市の公表値 nor 集計")
            }
        }
        return problems
    }

    /// A caption marked as published: 「市の公表値」, 「町の公表値」 … (the plan's publisher), or 「公表値」
    /// when the plan does not say who published it.
    static func isPublishedMark(_ caption: String) -> Bool {
        guard let start = caption.range(of: "<span class=\"declared-mark\">"),
            let end = caption.range(of: "</span>", range: start.upperBound..<caption.endIndex)
        else { return false }
        let mark = caption[start.upperBound..<end.lowerBound]
        return mark == "公表値" || (mark.hasSuffix("の公表値") && mark.count > 4)
    }

    /// The published marks a page carries (「町の公表値」 …), each once, in order of first use.
    static func publishedMarks(in html: String) -> [String] {
        var marks: [String] = []
        for part in html.components(separatedBy: "<span class=\"declared-mark\">").dropFirst() {
            let mark = part.components(separatedBy: "</span>")[0]
            if !marks.contains(mark) { marks.append(mark) }
        }
        return marks
    }

    /// Each `<table class="…">` with its kind, its text, and the text after it up to the next table
    /// or the end of its section.
    static func tables(in html: String) -> [(kind: String, table: Substring, after: Substring)] {
        var result: [(String, Substring, Substring)] = []
        var search = html.startIndex..<html.endIndex
        while let start = html.range(of: "<table class=\"", range: search) {
            let kind = String(html[start.upperBound...].prefix { $0 != "\"" })
            guard let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { break }
            var stop = html.endIndex
            for marker in ["<table", "</section>"] {
                if let next = html.range(of: marker, range: end.upperBound..<html.endIndex), next.lowerBound < stop {
                    stop = next.lowerBound
                }
            }
            result.append((kind, html[start.lowerBound..<end.upperBound], html[end.upperBound..<stop]))
            search = end.upperBound..<html.endIndex
        }
        return result
    }

    /// 「「計画以上」か「概ね計画どおり」の割合」: the headers of share columns.
    static func shareHeadings(in table: Substring) -> [String] {
        table.components(separatedBy: "<th scope=\"col\" class=\"num\">").dropFirst().compactMap { cell in
            let text = cell.components(separatedBy: "</th>")[0]
            return text.hasSuffix("の割合") ? text : nil
        }
    }
}
