/// A plan's open data page: the downloads, their licence, and the field dictionary (項目定義書)
/// of every table.
public struct DatasetPageView: TemplateView {
    public let plan: PlanHeaderView
    public let title: String
    public let license: String
    public let licenseURL: String?
    /// How to credit the data (「出典：…」), as 政府標準利用規約 and CC BY ask.
    public let attribution: String
    public let tables: [DatasetTableView]
    public let jsonURL: String
    public let jsonFields: [DatasetColumnView]
    public let feedURL: String?
    /// The Shift_JIS copies are offered.
    public let hasShiftJIS: Bool

    public static let fields = FieldTable<DatasetPageView>(
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
public struct DatasetTableView: TemplateView {
    /// The anchor of its dictionary on the page ("results").
    public let id: String
    public let title: String
    public let summary: String
    public let fileName: String
    public let url: String
    public let shiftJISURL: String?
    /// The same table as an Excel workbook ("results.xlsx").
    public let workbookFileName: String
    public let workbookURL: String
    /// 「43行」
    public let rowCount: String
    public let columns: [DatasetColumnView]

    public static let fields = FieldTable<DatasetTableView>(
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
public struct DatasetColumnView: TemplateView {
    public let number: String
    public let name: String
    public let type: String
    /// 「必須」 or empty.
    public let required: String
    public let meaning: String

    public static let fields = FieldTable<DatasetColumnView>(
        "dataset column",
        [
            .text("number") { $0.number },
            .text("name") { $0.name },
            .text("type") { $0.type },
            .text("required") { $0.required },
            .text("meaning") { $0.meaning },
        ])
}
