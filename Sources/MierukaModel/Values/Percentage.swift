/// A ratio shown as a percentage with one decimal place ("94.5%", "△12.0%").
public struct Percentage: Sendable, Hashable {
    /// The ratio in tenths of a percent, rounded half away from zero (0.9453 → 945).
    public let tenths: Int

    public init(ratio: Double) {
        self.tenths = Int((ratio * 1000).rounded(.toNearestOrAwayFromZero))
    }

    public init(tenths: Int) {
        self.tenths = tenths
    }

    public var ratio: Double { Double(tenths) / 1000 }

    public func formatted(negative: NegativeStyle = .triangle) -> String {
        let magnitude = tenths.magnitude
        let text = NumberGrouping.group(String(magnitude / 10)) + "." + String(magnitude % 10) + "%"
        return tenths < 0 ? negative.prefix + text : text
    }
}
