/// A template compiled for one page kind: its tags resolved to the fields of the view models
/// they will read, so that rendering looks nothing up by name.
///
/// A program is filled once while templates are compiled and only read afterwards (by many
/// threads at once). A partial that includes itself through nested data (the policy tree) refers
/// to its own program, which is why this is a class.
final class TemplateProgram: @unchecked Sendable {
    private(set) var operations: [TemplateOperation] = []

    init() {}

    /// Sets the operations; called once, before the program is shared.
    func complete(with operations: [TemplateOperation]) {
        self.operations = operations
    }
}

enum TemplateOperation: Sendable {
    /// Text of the template, as UTF-8.
    case text([UInt8])
    /// `{{name}}` or `{{{name}}}`.
    case value(FieldPath, escaped: Bool)
    /// `{{.}}` inside a text or a list of texts.
    case current(escaped: Bool)
    /// `{{#name}}` / `{{^name}}`.
    case section(FieldPath, inverted: Bool, body: TemplateProgram)
    /// `{{#.}}` / `{{^.}}`.
    case currentSection(inverted: Bool, body: TemplateProgram)
    /// `{{^last()}}` … inside a list: the element's position.
    case position(SequencePosition, inverted: Bool, body: TemplateProgram)
    /// A partial or a parent template.
    case include(TemplateProgram, indentation: String?)
    /// `{{a.b}}` in a data-driven view (`DynamicTemplateView`): looked up by name when rendering;
    /// no names for `{{.}}`.
    case lookup([String], escaped: Bool)
    /// `{{#a.b}}` / `{{^a.b}}` in a data-driven view.
    case lookupSection([String], inverted: Bool, body: TemplateProgram)
}

enum SequencePosition: String, Sendable {
    case first
    case last
}

/// Where a field is read: the frame it is found in, then fields through nested views.
struct FieldPath: Sendable {
    let frame: FrameSelector
    let fields: [Int]
}

/// The view a name resolves in: the page's root, or the innermost view of a given type.
enum FrameSelector: Sendable, Hashable {
    case root
    case view(ObjectIdentifier)
}
