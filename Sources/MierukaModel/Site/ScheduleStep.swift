/// One step of an item's schedule (取組の工程): what the plan says the item does in a fiscal year
/// or a span of years (検討, 試行, 実施 …), in the plan's words.
package struct ScheduleStep: Sendable, Hashable {
    /// A single year or a closed span, inside the plan's period.
    package let years: FiscalYearRange
    package let text: String

    package init(years: FiscalYearRange, text: String) {
        self.years = years
        self.text = text
    }
}
