import MierukaDiagnostics

/// A KPI as written in front matter.
public struct KPIDocument: Sendable {
    public let id: Located<String>?
    public let name: Located<String>
    public let unit: String
    public let direction: KPIDirection?
    public let baseline: KPIPointDocument?
    public let target: KPIPointDocument?
    public let actuals: [KPIActualDocument]
    public let note: String?
    public let location: SourceLocation

    public init(
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

public struct KPIPointDocument: Sendable {
    public let years: Located<FiscalYearRange>?
    public let value: QuantityDocument
    public let location: SourceLocation

    public init(years: Located<FiscalYearRange>?, value: QuantityDocument, location: SourceLocation) {
        self.years = years
        self.value = value
        self.location = location
    }
}

/// A yearly actual. In an item's `kpis:` the KPI is the enclosing one; in a result's `kpis:` it is
/// named by `kpi` (the KPI's id, or its name).
public struct KPIActualDocument: Sendable {
    public let kpi: Located<String>?
    public let year: Located<FiscalYear>?
    public let value: QuantityDocument
    public let grade: Located<String>?
    public let location: SourceLocation

    public init(
        kpi: Located<String>?, year: Located<FiscalYear>?, value: QuantityDocument, grade: Located<String>?,
        location: SourceLocation
    ) {
        self.kpi = kpi
        self.year = year
        self.value = value
        self.grade = grade
        self.location = location
    }
}
