/// Where a field is read, as the compiler resolves it: the frame it is found in, then fields
/// through nested views. (Compiled into a `FieldReference`.)
struct FieldPath: Sendable {
    let frame: FrameSelector
    let first: Int
    /// The fields read through nested views after the first.
    let rest: [Int]
}

/// The view a name resolves in: the page's root, or the innermost view of a given type.
enum FrameSelector: Sendable, Hashable {
    case root
    case view(ObjectIdentifier)
}
