import MierukaDiagnostics

/// A KPI as written in front matter.
package struct KPIDocument: Sendable {
    package let id: Located<String>?
    package let name: Located<String>
    package let unit: String
    package let direction: KPIDirection?
    package let baseline: KPIPointDocument?
    package let target: KPIPointDocument?
    package let actuals: [KPIActualDocument]
    package let note: String?
    package let location: SourceLocation

    package init(
        id: Located<String>?, name: Located<String>, unit: String, direction: KPIDirection?,
        baseline: KPIPointDocument?, target: KPIPointDocument?, actuals: [KPIActualDocument], note: String?,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.actuals = actuals
        self.note = note
        self.location = location
    }
}

package struct KPIPointDocument: Sendable {
    package let years: Located<FiscalYearRange>?
    package let value: QuantityDocument
    package let location: SourceLocation

    package init(years: Located<FiscalYearRange>?, value: QuantityDocument, location: SourceLocation) {
        self.years = years
        self.value = value
        self.location = location
    }
}

/// A yearly actual. In an item's `kpis:` the KPI is the enclosing one; in a result's `kpis:` it is
/// named by `kpi` (the KPI's id, or its name).
package struct KPIActualDocument: Sendable {
    package let kpi: Located<String>?
    package let year: Located<FiscalYear>?
    package let value: QuantityDocument
    package let grade: Located<String>?
    /// Who gave the grade, when the report says (「自己評価」 beside a committee's grades).
    package let gradedBy: Located<String>?
    /// `provisional:`: the value is not yet confirmed (見込み, 速報値, with its date).
    package var provisional: KPIProvisional? = nil
    package let location: SourceLocation

    package init(
        kpi: Located<String>?, year: Located<FiscalYear>?, value: QuantityDocument, grade: Located<String>?,
        gradedBy: Located<String>? = nil, location: SourceLocation
    ) {
        self.kpi = kpi
        self.year = year
        self.value = value
        self.grade = grade
        self.gradedBy = gradedBy
        self.location = location
    }
}
