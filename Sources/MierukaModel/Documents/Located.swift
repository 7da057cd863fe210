import MierukaDiagnostics

/// A value read from a file, with where it was written, kept until validation is done.
package struct Located<Value: Sendable>: Sendable {
    package let value: Value
    package let location: SourceLocation

    package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

// The decoders (another module) make a `Located` for nearly every value they read: 87,000 at
// 1,000 pages. A call into this module cannot be specialized there, so the generic initializer
// looked up `Located<Value>`'s metadata at run time for each (about 430 instructions). These
// initializers, for the types read most, are compiled here for their type, and Swift picks them
// over the generic one wherever the value's type is known. (`@inlinable` would be the usual way,
// but Swift 6.3 does not inline a declaration that is only `package`, and nothing here is public.)
extension Located where Value == String {
    package init(_ value: String, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located where Value == FiscalYear {
    package init(_ value: FiscalYear, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located where Value == FiscalYearRange {
    package init(_ value: FiscalYearRange, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
