/// Why a template cannot be read, with where, and how to fix it when there is more to say than
/// the usual advice about matching tags.
struct TemplateSyntaxError: Error, Sendable {
    let message: String
    let position: TemplatePosition
    var hint: String?
}
