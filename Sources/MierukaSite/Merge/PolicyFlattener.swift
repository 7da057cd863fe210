import MierukaDiagnostics
import MierukaModel

/// Flattens a plan's written policy tree into document order, with parent and child indices,
/// checking that ids and URL segments are unique within the plan.
struct PolicyFlattener {
    let kpiBuilder: KPIBuilder

    private struct Draft {
        let document: PolicyDocument
        let level: Int
        let parent: Int?
        var children: [Int] = []
        let slug: String
    }

    func flatten(_ documents: [PolicyDocument], planFile: String, diagnostics: inout Diagnostics) -> [Policy] {
        var drafts: [Draft] = []
        var ids: [String: SourceLocation] = [:]
        var slugs: [String: SourceLocation] = [:]

        func visit(_ document: PolicyDocument, level: Int, parent: Int?) {
            let id = document.id.value
            if let first = ids[id] {
                diagnostics.error(
                    at: document.id.location, "two policies have the id \"\(id)\"",
                    hint: "the first is at \(first); each policy needs its own id")
                return
            }
            ids[id] = document.id.location
            var slug = document.slug?.value ?? (URLSlug.isValid(id) ? id : URLSlug.make(from: id))
            if let written = document.slug, !URLSlug.isValid(written.value) {
                diagnostics.error(
                    at: written.location, "\"\(written.value)\" cannot be used in a URL",
                    hint: "use letters, digits and hyphens")
                slug = URLSlug.make(from: written.value)
            }
            if slug.isEmpty { slug = "p\(drafts.count + 1)" }
            if let first = slugs[slug] {
                diagnostics.error(
                    at: document.slug?.location ?? document.id.location,
                    "two policies would have the same page /policies/\(slug)/",
                    hint: "the other is at \(first); give one of them a different slug:")
                return
            }
            slugs[slug] = document.slug?.location ?? document.id.location
            let index = drafts.count
            drafts.append(Draft(document: document, level: level, parent: parent, slug: slug))
            if let parent { drafts[parent].children.append(index) }
            for child in document.children {
                visit(child, level: level + 1, parent: index)
            }
        }
        for document in documents {
            visit(document, level: 0, parent: nil)
        }
        return drafts.map { draft in
            Policy(
                id: draft.document.id.value, number: draft.document.number, title: draft.document.title,
                description: draft.document.description, level: draft.level, parent: draft.parent,
                children: draft.children,
                kpis: kpiBuilder.build(draft.document.kpis, owner: "the policy \"\(draft.document.title)\"", diagnostics: &diagnostics),
                slug: draft.slug, location: draft.document.location)
        }
    }
}
