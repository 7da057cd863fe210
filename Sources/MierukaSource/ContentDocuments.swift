import MierukaModel

/// A site's parsed content documents sorted by kind, in the order of their files: one rule for
/// `build`, which parses every file, and `serve`, which keeps the documents of unchanged files.
package struct ContentDocuments: Sendable {
    package private(set) var home: PageDocument?
    package private(set) var pages: [PageDocument] = []
    package private(set) var plans: [PlanDocument] = []
    package private(set) var items: [ItemDocument] = []
    package private(set) var unreadableItems: [String: Set<String>] = [:]

    package init(_ parsed: some Sequence<DocumentParser.ParsedContent?>) {
        for document in parsed {
            switch document {
            case .home(let page)?: home = page
            case .page(let page)?: pages.append(page)
            case .plan(let plan)?: plans.append(plan)
            case .item(let item)?: items.append(item)
            case .unreadableItem(let plan, let number)?: unreadableItems[plan, default: []].insert(number)
            case nil: break
            }
        }
    }

    /// The documents with the site's settings and results.
    package func site(config: SiteConfig, results: [ResultsDocument]) -> SiteDocuments {
        SiteDocuments(
            config: config, home: home, pages: pages, plans: plans, items: items, results: results,
            unreadableItems: unreadableItems)
    }
}
