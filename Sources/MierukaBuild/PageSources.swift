import Foundation
import MierukaDiagnostics
import MierukaModel
import MierukaSite

/// Which written documents a page shows, so that a problem found in the rendered page (a broken
/// link) can be reported where the user wrote it.
struct PageSources {
    let index: SiteIndex

    /// The Markdown texts shown on the page with where each starts, and the file to blame when
    /// the problem is not found in any of them.
    func texts(for page: PlannedPage) -> (texts: [(String, SourceLocation)], fallback: SourceLocation) {
        switch page.kind {
        case .home:
            if let home = index.merged.home { return ([(home.body, home.bodyLocation)], home.location) }
            return ([], SourceLocation(file: "content/_index.md"))
        case .page(let offset):
            let document = index.merged.pages[offset]
            return ([(document.body, document.bodyLocation)], document.location)
        case .plan(let plan):
            let document = index.plans[plan].plan
            return ([(document.body, document.bodyLocation)], document.location)
        case .policy(let plan, let policy):
            let document = index.plans[plan].plan
            return ([], document.policies[policy].location)
        case .item(let plan, let item):
            let document = index.plans[plan].plan.items[item]
            return ([(document.body, document.bodyLocation)], document.location)
        case .report(let plan, _), .departments(let plan), .department(let plan, _), .dataset(let plan):
            return ([], index.plans[plan].plan.location)
        case .search:
            return ([], SourceLocation(file: "templates/search.mustache"))
        case .accessibility, .accessibilityResults:
            return ([], SourceLocation(file: "mieruka.yml"))
        case .notFound:
            return ([], SourceLocation(file: "templates/404.mustache"))
        }
    }

    /// Where `needle` is written: its line and column in the first text that contains it.
    func locate(_ needle: String, on page: PlannedPage) -> SourceLocation {
        let (texts, fallback) = texts(for: page)
        for (text, start) in texts {
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if let range = line.range(of: needle) {
                    let column = line[..<range.lowerBound].unicodeScalars.count
                    return SourceLocation(file: start.file, line: start.line + lineNumber, column: column + 1)
                }
                lineNumber += 1
            }
        }
        return fallback
    }
}
