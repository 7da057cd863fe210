/// A standalone page from content/<name>.md.
public struct StandalonePageView: TemplateView {
    public let title: String
    public let bodyHTML: String

    public static let fields = FieldTable<StandalonePageView>(
        "page",
        [
            .text("title") { $0.title },
            .html("bodyHTML") { $0.bodyHTML },
        ])
}

/// The page for addresses that do not exist.
public struct NotFoundView: TemplateView {
    public let message: String

    public static let fields = FieldTable<NotFoundView>(
        "not-found page",
        [
            .text("message") { $0.message }
        ])
}
