import MierukaDiagnostics
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

/// A sub-item's grade (細目の評価) that is not on the plan's scale: from a sheet, the message names
/// the cell and its column as the sheet's other messages do; from YAML, it names the grade only.
@Suite struct SubItemGradeMessageTests {
    static let item = """
        ---
        number: 1
        title: 項目一
        policy: "1-1"
        subitems:
          - {number: "1", title: 細目一}
          - {number: "2", title: 細目二}
        ---

        """

    @Test func aBadSubItemGradeInASheetNamesItsCellAndColumn() {
        let (_, diagnostics) = InMemorySite.merge([
            "mieruka.yml": InMemorySite.config, "content/p/_index.md": InMemorySite.plan, "content/p/a.md": Self.item,
            "seeds/p/R6.csv": "番号,評価,細目番号,細目の評価\n1,A,1,B\n1,A,2,Ｚ\n",
        ])
        let errors = diagnostics.errors.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(errors == ["seeds/p/R6.csv:3:4 cell D3 (細目の評価): grade \"Ｚ\" is not on the plan's scale (A, B, C)"], "\(errors)")
        #expect(diagnostics.errors.first?.hint == "use one of A (良い), B (普通), C (遅れ)")
    }

    @Test func aBadSubItemGradeInYAMLNamesTheGrade() {
        let (_, diagnostics) = InMemorySite.merge([
            "mieruka.yml": InMemorySite.config, "content/p/_index.md": InMemorySite.plan, "content/p/a.md": Self.item,
            "seeds/p/r6.yml": "plan: p\nyear: R6\nresults:\n  - {item: 1, grade: A, subitems: [{number: \"2\", grade: Z}]}\n",
        ])
        #expect(diagnostics.errors.map(\.message) == ["grade \"Z\" is not on the plan's scale (A, B, C)"])
    }
}
