/// An opinion published beside the results (委員会の意見), as published, with who gave it.
package struct OpinionView: TemplateView {
    /// 「倉吉市行政改革懇談会（令和5年7月）」, with the year first on an item's page.
    package let heading: String
    /// The item it is on, on the year's report; nil for the year as a whole or on the item's own page.
    package let item: LinkView?
    package let html: String
    package let source: String?

    package static let fields = FieldTable<OpinionView>(
        "opinion",
        [
            .text("heading") { $0.heading },
            .view("item", LinkView.self) { $0.item },
            .html("html") { $0.html },
            .text("source") { $0.source },
        ])
}
