/// Everything parsed from a site folder, before merging: the output of the parse stage.
package struct SiteDocuments: Sendable {
    package let config: SiteConfig
    /// The home page's own text (`content/_index.md`), if any.
    package let home: PageDocument?
    package let pages: [PageDocument]
    package let plans: [PlanDocument]
    package let items: [ItemDocument]
    package let results: [ResultsDocument]
    /// Item numbers, by plan, of the item documents that could not be read (their errors say why):
    /// results for them are not reported again as results for an item that does not exist.
    package let unreadableItems: [String: Set<String>]

    package init(
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

    /// The documents taken apart, each list handed over to the caller: the merge frees each plan's
    /// documents as soon as that plan is merged, which it can do only when no other value holds them.
    package consuming func parts() -> (
        config: SiteConfig, home: PageDocument?, pages: [PageDocument], plans: [PlanDocument], items: [ItemDocument],
        results: [ResultsDocument], unreadableItems: [String: Set<String>]
    ) {
        (config, home, pages, plans, items, results, unreadableItems)
    }

    /// The same documents with other settings (e.g. results given on the command line).
    package func with(config: SiteConfig) -> SiteDocuments {
        SiteDocuments(
            config: config, home: home, pages: pages, plans: plans, items: items, results: results,
            unreadableItems: unreadableItems)
    }
}
