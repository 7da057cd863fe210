import MierukaDiagnostics

/// A value read from a file, with where it was written, kept until validation is done.
///
/// Public, with its initializer `@inlinable`, only so that the decoders (another module) make
/// one inline for the type of the value: they make one for nearly every value they read (87,000
/// at 1,000 pages), and a call into this module, which cannot be specialized for the type, looked
/// up `Located<Value>`'s metadata at run time each time (about 430 instructions). Swift 6.3 does
/// not inline an `@inlinable` declaration that is only `package`.
public struct Located<Value: Sendable>: Sendable {
    @usableFromInline package let value: Value
    @usableFromInline package let location: SourceLocation

    @inlinable
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
