/// A template parsed into text and tags.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
    case variable(String, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(String, inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{> name}}`; a partial alone on its line is indented by the line's leading whitespace.
    /// `{{< name}}…{{/name}}` is a partial whose blocks are overridden.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?, at: TemplatePosition)
    /// `{{$name}}default{{/name}}` in a template that others extend.
    case block(String, defaultBody: [TemplateNode], indentation: String?, at: TemplatePosition)
}

struct TemplatePosition: Sendable, Hashable {
    let line: Int
    let column: Int
}
