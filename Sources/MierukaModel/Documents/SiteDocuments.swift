/// Everything parsed from a site folder, before merging: the output of the parse stage.
public struct SiteDocuments: Sendable {
    public let config: SiteConfig
    /// The home page's own text (`content/_index.md`), if any.
    public let home: PageDocument?
    public let pages: [PageDocument]
    public let plans: [PlanDocument]
    public let items: [ItemDocument]
    public let results: [ResultsDocument]
    /// Item numbers, by plan, of the item documents that could not be read (their errors say why):
    /// results for them are not reported again as results for an item that does not exist.
    public let unreadableItems: [String: Set<String>]

    public init(
        config: SiteConfig, home: PageDocument?, pages: [PageDocument], plans: [PlanDocument], items: [ItemDocument],
        results: [ResultsDocument], unreadableItems: [String: Set<String>] = [:]
    ) {
        self.config = config
        self.home = home
        self.pages = pages
        self.plans = plans
        self.items = items
        self.results = results
        self.unreadableItems = unreadableItems
    }

    /// The same documents with other settings (e.g. results given on the command line).
    public func with(config: SiteConfig) -> SiteDocuments {
        SiteDocuments(
            config: config, home: home, pages: pages, plans: plans, items: items, results: results,
            unreadableItems: unreadableItems)
    }
}
