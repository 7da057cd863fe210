/// A template compiled for one page kind: its tags resolved to the fields of the view models
/// they will read, so that rendering looks nothing up by name.
///
/// A program is filled once while templates are compiled and only read afterwards (by many
/// threads at once). A partial that includes itself through nested data (the policy tree) refers
/// to its own program, which is why this is a class and its code is set after it is made.
final class TemplateProgram: @unchecked Sendable {
    private(set) var code = TemplateCode()

    init() {}

    /// Sets the code; called once, before the program is shared.
    func complete(with code: TemplateCode) {
        self.code = code
    }
}
