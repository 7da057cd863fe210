/// A ratio shown as a percentage with one decimal place ("94.5%", "△12.0%").
package struct Percentage: Sendable, Hashable {
    /// The ratio in tenths of a percent, rounded half away from zero (0.9453 → 945).
    package let tenths: Int

    /// Nil when the ratio is not a finite number or too large to show (beyond ±10¹⁵ %).
    package init?(ratio: Double) {
        let scaled = (ratio * 1000).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 1e16 else { return nil }
        self.tenths = Int(scaled)
    }

    package init(tenths: Int) {
        self.tenths = tenths
    }

    package var ratio: Double { Double(tenths) / 1000 }

    package func formatted(negative: NegativeStyle = .triangle) -> String {
        // The tenths as a number of one decimal place, grouped like every other figure: formatted
        // on the stack (`DecimalNumber.formatted`), with no String built digit by digit.
        DecimalNumber(units: Int64(tenths), scale: 1).formatted(negative: negative) + "%"
    }
}
