/// Everything a site is made of, merged and resolved: the input of rendering.
package struct Site: Sendable {
    package let config: SiteConfig
    /// Plans in home-page order.
    package let plans: [Plan]

    package init(config: SiteConfig, plans: [Plan]) {
        self.config = config
        self.plans = plans.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}
