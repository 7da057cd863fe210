/// A standalone page from content/<name>.md.
package struct StandalonePageView: TemplateView {
    package let title: String
    package let bodyHTML: String

    package static let fields = FieldTable<StandalonePageView>(
        "page",
        [
            .text("title") { $0.title },
            .html("bodyHTML") { $0.bodyHTML },
        ])
}

/// The page for addresses that do not exist.
package struct NotFoundView: TemplateView {
    package let message: String

    package static let fields = FieldTable<NotFoundView>(
        "not-found page",
        [
            .text("message") { $0.message }
        ])
}
