/// A plan's open data page: the downloads, their licence, and the field dictionary (項目定義書)
/// of every table.
package struct DatasetPageView: TemplateView {
    package let plan: PlanHeaderView
    package let title: String
    package let license: String
    package let licenseURL: String?
    /// How to credit the data (「出典：…」), as 政府標準利用規約 and CC BY ask.
    package let attribution: String
    package let tables: [DatasetTableView]
    package let jsonURL: String
    package let jsonFields: [DatasetColumnView]
    package let feedURL: String?
    /// The Shift_JIS copies are offered.
    package let hasShiftJIS: Bool

    package static let fields = FieldTable<DatasetPageView>(
        "dataset page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("title") { $0.title },
            .text("license") { $0.license },
            .text("licenseURL") { $0.licenseURL },
            .text("attribution") { $0.attribution },
            .list("tables", DatasetTableView.self) { $0.tables },
            .text("jsonURL") { $0.jsonURL },
            .list("jsonFields", DatasetColumnView.self) { $0.jsonFields },
            .text("feedURL") { $0.feedURL },
            .flag("hasShiftJIS") { $0.hasShiftJIS },
        ])
}

/// One downloadable table with its columns.
package struct DatasetTableView: TemplateView {
    /// The anchor of its dictionary on the page ("results").
    package let id: String
    package let title: String
    package let summary: String
    package let fileName: String
    package let url: String
    package let shiftJISURL: String?
    /// The same table as an Excel workbook ("results.xlsx").
    package let workbookFileName: String
    package let workbookURL: String
    /// 「43行」
    package let rowCount: String
    package let columns: [DatasetColumnView]

    package static let fields = FieldTable<DatasetTableView>(
        "dataset table",
        [
            .text("id") { $0.id },
            .text("title") { $0.title },
            .text("summary") { $0.summary },
            .text("fileName") { $0.fileName },
            .text("url") { $0.url },
            .text("shiftJISURL") { $0.shiftJISURL },
            .text("workbookFileName") { $0.workbookFileName },
            .text("workbookURL") { $0.workbookURL },
            .text("rowCount") { $0.rowCount },
            .list("columns", DatasetColumnView.self) { $0.columns },
        ])
}

/// A row of a field dictionary.
package struct DatasetColumnView: TemplateView {
    package let number: String
    package let name: String
    package let type: String
    /// 「必須」 or empty.
    package let required: String
    package let meaning: String

    package static let fields = FieldTable<DatasetColumnView>(
        "dataset column",
        [
            .text("number") { $0.number },
            .text("name") { $0.name },
            .text("type") { $0.type },
            .text("required") { $0.required },
            .text("meaning") { $0.meaning },
        ])
}
