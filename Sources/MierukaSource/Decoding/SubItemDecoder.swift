import MierukaDiagnostics
import MierukaModel

/// Reads an item's `subitems:` (細目) and a result's `subitems:` (how each went that year).
enum SubItemDecoder {
    static let subItemKeys = ["number", "title", "department", "departments"]
    static let resultKeys = ["number", "grade", "progress"]

    static func decodeList(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [SubItemDocument] {
        nodes.compactMap { node in
            guard let reader = MappingReader(node, what: "a sub-item (細目)", knownKeys: subItemKeys, diagnostics: &diagnostics),
                let number = reader.requiredText("number", diagnostics: &diagnostics),
                let title = reader.requiredText("title", diagnostics: &diagnostics)
            else { return nil }
            let departments =
                reader.textList("departments", diagnostics: &diagnostics)
                + reader.textList("department", diagnostics: &diagnostics)
            return SubItemDocument(number: number, title: title, departments: departments, location: reader.location)
        }
    }

    static func decodeResults(_ nodes: [YAMLNode], diagnostics: inout Diagnostics) -> [SubItemResultDocument] {
        nodes.compactMap { node in
            guard
                let reader = MappingReader(
                    node, what: "a sub-item's result", knownKeys: resultKeys, diagnostics: &diagnostics),
                let number = reader.requiredText("number", diagnostics: &diagnostics)
            else { return nil }
            return SubItemResultDocument(
                number: number, grade: reader.text("grade", diagnostics: &diagnostics),
                progress: reader.markdown("progress", diagnostics: &diagnostics), location: reader.location)
        }
    }
}
