/// The compiled form of one template (a page, partial, parent or block): its operations in one
/// flat array, with everything they refer to in tables beside it, by index.
///
/// A section's body is the operations that follow it (its `body` counts them), so a section is a
/// range of the same array rather than a program of its own. The operations hold only numbers
/// (ranges of `text` and `fields`, indices of `programs` and `names`): running one copies a few
/// words and retains nothing, where operations holding their own bytes, field arrays and bodies
/// were retained and released every time they ran (about 45 M retains for 1,000 pages).
final class TemplateCode: Sendable {
    let operations: [TemplateOperation]
    /// The template's text, and the indentation of its standalone partials and blocks, as UTF-8.
    let text: [UInt8]
    /// The field indices of all field paths, one after another.
    let fields: [Int]
    /// The partials, parents and blocks included.
    let programs: [TemplateProgram]
    /// The names looked up in data-driven views.
    let names: [[String]]

    init(
        operations: [TemplateOperation] = [], text: [UInt8] = [], fields: [Int] = [],
        programs: [TemplateProgram] = [], names: [[String]] = []
    ) {
        self.operations = operations
        self.text = text
        self.fields = fields
        self.programs = programs
        self.names = names
    }
}
