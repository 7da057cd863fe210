/// The fills of a grade scale in charts: a colour and a pattern per grade, so that grades differ
/// without colour (for colour-blind readers, and on paper in black and white): solid for the best
/// grade, a cross-hatch for the worst, stripes and dots between, an empty box for 未評価.
/// Every segment also has a dark outline, which keeps 3:1 contrast with its neighbours.
///
/// The colours of better and worse (green for the best, red for the worst) are only for a scale
/// the plan ranks (`grade_order: best_first`). On any other scale every grade has one neutral
/// colour and differs by its pattern only, in the scale's order: colour must not say which of a
/// city's grades is good when the city has not said so.
enum GradePatterns {
    enum Style: String {
        case solid, stripes, dots, rows, crosshatch, empty
    }

    /// The style of the grade at `rank` (0 is the best, or the first of an unranked scale) on a
    /// scale of `size` grades.
    static func style(rank: Int, of size: Int, ranked: Bool) -> Style {
        if rank == 0 { return .solid }
        if !ranked {
            let others: [Style] = [.stripes, .dots, .rows, .crosshatch]
            return others[(rank - 1) % others.count]
        }
        if rank >= size - 1 { return .crosshatch }
        let middle: [Style] = [.stripes, .dots, .rows]
        return middle[(rank - 1) % middle.count]
    }

    /// The CSS class naming the colour, shared with the grade marks of the tables.
    static func colourClass(rank: Int, of size: Int, ranked: Bool) -> String {
        if !ranked { return "chart-unranked" }
        if rank == 0 { return "chart-best" }
        if rank >= size - 1 { return "chart-worst" }
        return "chart-middle"
    }

    /// The styles in the order their patterns are written (by name).
    private static let definitionOrder: [Style] = [.crosshatch, .dots, .empty, .rows, .solid, .stripes]

    /// `<defs>` with one pattern per style used, ids under the chart's prefix, written piece by
    /// piece (a chart of effects draws one on every item page).
    static func definitions(_ svg: inout SVGWriter, styles: [Style], ranked: Bool) {
        let middle: StaticString = ranked ? "chart-ink-middle" : "chart-ink-unranked"
        let worst: StaticString = ranked ? "chart-ink-worst" : "chart-ink-unranked-line"
        svg.literal("<defs>")
        for style in definitionOrder where styles.contains(style) {
            switch style {
            case .solid, .empty: continue
            case .stripes:
                openPattern(&svg, style, size: "8")
                svg.literal("<rect class=\"chart-paper\" width=\"8\" height=\"8\"/><path class=\"")
                svg.literal(middle)
                svg.literal("\" d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke-width=\"2.2\"/>")
            case .dots:
                openPattern(&svg, style, size: "7")
                svg.literal("<rect class=\"chart-paper\" width=\"7\" height=\"7\"/><circle class=\"")
                svg.literal(middle)
                svg.literal("\" cx=\"3.5\" cy=\"3.5\" r=\"1.9\"/>")
            case .rows:
                openPattern(&svg, style, size: "6")
                svg.literal("<rect class=\"chart-paper\" width=\"6\" height=\"6\"/><path class=\"")
                svg.literal(middle)
                svg.literal("\" d=\"M0,3 h6\" stroke-width=\"2\"/>")
            case .crosshatch:
                openPattern(&svg, style, size: "8")
                svg.literal("<rect class=\"chart-paper\" width=\"8\" height=\"8\"/><path class=\"")
                svg.literal(worst)
                svg.literal("\" d=\"M0,0 l8,8 M8,0 l-8,8\" stroke-width=\"1.6\"/>")
            }
            svg.literal("</pattern>")
        }
        svg.literal("</defs>")
    }

    /// `<pattern id="…" width="…" height="…" patternUnits="userSpaceOnUse">`
    private static func openPattern(_ svg: inout SVGWriter, _ style: Style, size: StaticString) {
        svg.literal("<pattern id=\"")
        svg.raw(svg.idPrefix)
        svg.literal("-")
        svg.raw(style.rawValue)
        svg.literal("\" width=\"")
        svg.literal(size)
        svg.literal("\" height=\"")
        svg.literal(size)
        svg.literal("\" patternUnits=\"userSpaceOnUse\">")
    }

    /// The `fill` attribute of a style: a pattern reference, or nil (the colour class fills).
    static func fill(_ style: Style, in svg: SVGWriter) -> String? {
        switch style {
        case .solid: nil
        case .empty: "#ffffff"
        default: "url(#\(svg.id(style.rawValue)))"
        }
    }
}
