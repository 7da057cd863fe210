import Foundation
import MierukaDiagnostics
import MierukaModel

/// Reads the results file of scripts/check-site.py (`--json`) for the test-results page: the day,
/// the tools, and for the chosen site its pages and what each WCAG rule found.
///
/// A missing file is not an error (a site is built before it is first checked: the page then says
/// there are no results yet); a file that is not such results is, naming the file.
package enum AccessibilityResultsDecoder {
    static func read(_ settings: AccessibilitySettings, root: String, diagnostics: inout Diagnostics) -> AccessibilityResults? {
        guard let path = settings.resultsFile else { return nil }
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return decode(data, file: path, site: settings.resultsSite, diagnostics: &diagnostics)
    }

    /// The results file given on the command line (`mieruka build --accessibility-results FILE`):
    /// asked for explicitly, so a missing file is an error.
    package static func read(path: String, site: String?, diagnostics: inout Diagnostics) -> AccessibilityResults? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(
                at: SourceLocation(file: path), "there is no accessibility results file here",
                hint: "write it with scripts/check-site.py --json \(path) (scripts/test.sh writes .build-tools/check-site-results.json)")
            return nil
        }
        return decode(data, file: path, site: site, diagnostics: &diagnostics)
    }

    static func decode(_ data: Data, file: String, site wanted: String?, diagnostics: inout Diagnostics) -> AccessibilityResults? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        func fail(_ problem: String) -> AccessibilityResults? {
            diagnostics.error(
                at: start, "this is not a results file of scripts/check-site.py: \(problem)",
                hint: "write it with scripts/check-site.py --json FILE (scripts/test.sh does), or remove accessibility: results: from mieruka.yml")
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            return fail("it is not a JSON object")
        }
        guard let checkedAt = root["checked_at"] as? String, let sites = root["sites"] as? [[String: Any]] else {
            // The results of an older scripts/check-site.py (before it recorded the day and the rules):
            // not wrong, only too old to publish. The page says there are none until the checks run
            // again (scripts/test.sh), which rewrites the file; a warning here would fail the tests
            // that run before the checks, so the file would never be rewritten.
            return nil
        }
        let labels = sites.compactMap { $0["label"] as? String }
        let chosen: [String: Any]
        if let wanted {
            guard let match = sites.first(where: { ($0["label"] as? String) == wanted }) else {
                diagnostics.error(
                    at: start, "the results have no site \"\(wanted)\" (accessibility: results_site: in mieruka.yml)",
                    hint: "the sites checked are: " + labels.joined(separator: ", "))
                return nil
            }
            chosen = match
        } else {
            guard let first = sites.first else { return fail("it has no site") }
            chosen = first
        }
        let label = chosen["label"] as? String ?? ""
        let tools = ((root["tools"] as? [String: Any]) ?? [:])
            .filter { $0.key != "axe-core script" }
            .compactMap { key, value in (value as? String).map { AccessibilityResults.Tool(name: key, version: $0) } }
            .sorted { $0.name < $1.name }
        let pages = ((root["pages"] as? [[String: Any]]) ?? [])
            .filter { ($0["site"] as? String) == label }
            .compactMap { page -> AccessibilityResults.PageResult? in
                guard let path = page["page"] as? String else { return nil }
                return AccessibilityResults.PageResult(
                    path: path, passed: page["passed"] as? Bool ?? false, violations: page["axe_violations"] as? Int ?? 0,
                    nuErrors: page["nu_errors"] as? Int ?? 0)
            }
            .sorted { $0.path < $1.path }
        let rules = ((chosen["rules"] as? [[String: Any]]) ?? []).compactMap { rule -> AccessibilityResults.RuleResult? in
            guard let id = rule["id"] as? String else { return nil }
            let criteria = ((rule["tags"] as? [String]) ?? []).compactMap(WCAGCriterion.number(ofTag:))
            return AccessibilityResults.RuleResult(
                id: id, help: rule["help"] as? String ?? "", criteria: criteria, passed: rule["pages_passed"] as? Int ?? 0,
                violated: rule["pages_violated"] as? Int ?? 0, incomplete: rule["pages_incomplete"] as? Int ?? 0,
                inapplicable: rule["pages_inapplicable"] as? Int ?? 0)
        }
        return AccessibilityResults(
            checkedAt: checkedAt, tools: tools, widths: (root["widths"] as? [Int]) ?? [], pages: pages, rules: rules,
            nuErrors: pages.reduce(0) { $0 + $1.nuErrors })
    }
}
