import Mustache

/// A typed view model handed to a template: exactly what the template shows, already formatted.
///
/// Each view declares its fields once, in a `FieldTable`; the table both answers the template
/// engine's lookups (no reflection) and describes the fields to the template linter, so a
/// misspelt `{{titel}}` in a template is an error at build time rather than an empty space.
public protocol TemplateView: MustacheParent, Sendable {
    static var fields: FieldTable<Self> { get }
}

extension TemplateView {
    public func child(named name: String) -> Any? {
        Self.fields.value(of: self, named: name)
    }

    static var schema: ViewSchema { fields.schema }
}

/// What kind of value a field holds, as far as templates are concerned.
public enum FieldKind: Sendable {
    /// Text, escaped when shown with `{{name}}`.
    case text
    /// HTML produced by Mieruka itself (rendered Markdown); may be shown with `{{{name}}}`.
    case html
    /// True or false, for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case flag
    /// Another view, entered with `{{#name}}…{{/name}}`.
    case view(any TemplateView.Type)
    /// A list of views, repeated with `{{#name}}…{{/name}}`.
    case list(any TemplateView.Type)
    /// A list of texts, repeated with `{{#name}}{{.}}{{/name}}`.
    case textList
}

public struct ViewSchema: Sendable {
    public let name: String
    public let fields: [String: FieldKind]
}

/// The fields of one view type: names, kinds and how to read them.
public struct FieldTable<Root>: Sendable {
    private let readers: [String: @Sendable (Root) -> Any?]
    let schema: ViewSchema

    public init(_ name: String, _ fields: [Field<Root>]) {
        var readers: [String: @Sendable (Root) -> Any?] = [:]
        var kinds: [String: FieldKind] = [:]
        for field in fields {
            readers[field.name] = field.read
            kinds[field.name] = field.kind
        }
        self.readers = readers
        self.schema = ViewSchema(name: name, fields: kinds)
    }

    /// The field's value; a declared field without a value answers `Absent`, so the template
    /// engine does not go on to look the name up in enclosing views (where another view's `url`
    /// would otherwise appear in place of a missing one).
    func value(of root: Root, named name: String) -> Any? {
        guard let read = readers[name] else { return nil }
        return read(root) ?? Absent()
    }
}

/// A field that has no value: renders as nothing, and counts as false in sections.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

public struct Field<Root>: Sendable {
    let name: String
    let kind: FieldKind
    let read: @Sendable (Root) -> Any?

    public static func text(_ name: String, _ read: @escaping @Sendable (Root) -> String?) -> Field {
        Field(name: name, kind: .text, read: { read($0) })
    }

    public static func html(_ name: String, _ read: @escaping @Sendable (Root) -> String?) -> Field {
        Field(name: name, kind: .html, read: { read($0) })
    }

    public static func flag(_ name: String, _ read: @escaping @Sendable (Root) -> Bool) -> Field {
        Field(name: name, kind: .flag, read: { read($0) })
    }

    public static func view<View: TemplateView>(
        _ name: String, _ type: View.Type, _ read: @escaping @Sendable (Root) -> View?
    ) -> Field {
        Field(name: name, kind: .view(type), read: { read($0) })
    }

    public static func list<View: TemplateView>(
        _ name: String, _ type: View.Type, _ read: @escaping @Sendable (Root) -> [View]
    ) -> Field {
        Field(name: name, kind: .list(type), read: { read($0) })
    }

    public static func texts(_ name: String, _ read: @escaping @Sendable (Root) -> [String]) -> Field {
        Field(name: name, kind: .textList, read: { read($0) })
    }
}
