/// A `FieldPath` in compiled code: the frame, the first field (most paths have only one), and the
/// fields after it as a range of `TemplateCode.fields`.
struct FieldReference: Sendable {
    let frame: FrameSelector
    let first: Int
    let rest: Range<Int>
}
