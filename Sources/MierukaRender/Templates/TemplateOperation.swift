/// One step of a compiled template (`TemplateCode`). Its payloads are plain numbers: ranges and
/// indices into the code's tables, and for sections the number of operations after it that are
/// its body.
enum TemplateOperation: Sendable {
    /// Text of the template: a range of `TemplateCode.text`.
    case text(Range<Int>)
    /// `{{name}}` or `{{{name}}}`.
    case value(FieldReference, escaped: Bool)
    /// `{{.}}` inside a text or a list of texts.
    case current(escaped: Bool)
    /// `{{#name}}` / `{{^name}}`.
    case section(FieldReference, inverted: Bool, body: Int)
    /// `{{#.}}` / `{{^.}}`.
    case currentSection(inverted: Bool, body: Int)
    /// `{{^last()}}` … inside a list: the element's position.
    case position(SequencePosition, inverted: Bool, body: Int)
    /// A partial, parent or block: an index of `TemplateCode.programs`, with the whitespace its
    /// standalone tag was indented by (a range of `TemplateCode.text`).
    case include(Int, indentation: Range<Int>?)
    /// `{{a.b}}` in a data-driven view (`DynamicTemplateView`): looked up by the names at this
    /// index of `TemplateCode.names` when rendering; no names for `{{.}}`.
    case lookup(Int, escaped: Bool)
    /// `{{#a.b}}` / `{{^a.b}}` in a data-driven view.
    case lookupSection(Int, inverted: Bool, body: Int)

    /// The same section with a body of `count` operations (other operations are returned as
    /// they are).
    func withBody(_ count: Int) -> TemplateOperation {
        switch self {
        case .section(let path, let inverted, _): .section(path, inverted: inverted, body: count)
        case .currentSection(let inverted, _): .currentSection(inverted: inverted, body: count)
        case .position(let position, let inverted, _): .position(position, inverted: inverted, body: count)
        case .lookupSection(let names, let inverted, _): .lookupSection(names, inverted: inverted, body: count)
        case .text, .value, .current, .include, .lookup: self
        }
    }
}

enum SequencePosition: String, Sendable {
    case first
    case last
}
