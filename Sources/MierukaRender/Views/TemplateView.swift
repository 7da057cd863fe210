/// A typed view model handed to a template: exactly what the template shows, already formatted.
///
/// Each view declares its fields once, in a `FieldTable`; the table both serves the template
/// renderer (fields are resolved when templates are compiled, then read by index, without names
/// or reflection at render time) and describes the fields to the template compiler, so a misspelt
/// `{{titel}}` in a template is an error at build time rather than an empty space.
package protocol TemplateView: Sendable {
    static var fields: FieldTable<Self> { get }
    /// The value of the field at `index` of the view's field table. A requirement (with the
    /// default below), so that each view type gets its own specialized witness: reached through
    /// `any TemplateView` at render time, the unspecialized generic version looked up the
    /// metadata of its reader's function type on every call (7% of a build's CPU in the profile).
    func read(_ index: Int) -> TemplateValue
    /// The field table's names and kinds. A requirement for the same reason as `read(_:)`: the
    /// templates' compiler reaches it through a metatype, where the generic version instantiated
    /// the metadata of `FieldTable<Self>` (a hashed lookup) on every name resolved.
    static var schema: ViewSchema { get }
}

extension TemplateView {
    package func read(_ index: Int) -> TemplateValue {
        Self.fields.readers[index](self)
    }

    package static var schema: ViewSchema { fields.schema }
}

/// What kind of value a field holds, as far as templates are concerned.
package enum FieldKind: Sendable {
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

package struct ViewSchema: Sendable {
    package let name: String
    /// Field name → its index in the table and its kind.
    package let fields: [String: (index: Int, kind: FieldKind)]
}

/// The fields of one view type: names, kinds and how to read them. A class, so that reading a
/// field at render time does not copy the table.
package final class FieldTable<Root>: Sendable {
    let readers: [@Sendable (Root) -> TemplateValue]
    let schema: ViewSchema

    package init(_ name: String, _ fields: [Field<Root>]) {
        var readers: [@Sendable (Root) -> TemplateValue] = []
        var schemaFields: [String: (index: Int, kind: FieldKind)] = [:]
        for field in fields {
            schemaFields[field.name] = (readers.count, field.kind)
            readers.append(field.read)
        }
        self.readers = readers
        self.schema = ViewSchema(name: name, fields: schemaFields)
    }
}

package struct Field<Root>: Sendable {
    let name: String
    let kind: FieldKind
    let read: @Sendable (Root) -> TemplateValue

    package static func text(_ name: String, _ read: @escaping @Sendable (Root) -> String?) -> Field {
        Field(name: name, kind: .text, read: { read($0).map(TemplateValue.text) ?? .absent })
    }

    package static func html(_ name: String, _ read: @escaping @Sendable (Root) -> String?) -> Field {
        Field(name: name, kind: .html, read: { read($0).map(TemplateValue.html) ?? .absent })
    }

    /// HTML made by Mieruka as UTF-8 bytes (a chart), a field of kind `html`.
    package static func markup(_ name: String, _ read: @escaping @Sendable (Root) -> [UInt8]?) -> Field {
        Field(name: name, kind: .html, read: { read($0).map(TemplateValue.markup) ?? .absent })
    }

    package static func flag(_ name: String, _ read: @escaping @Sendable (Root) -> Bool) -> Field {
        Field(name: name, kind: .flag, read: { .flag(read($0)) })
    }

    package static func view<View: TemplateView>(
        _ name: String, _ type: View.Type, _ read: @escaping @Sendable (Root) -> View?
    ) -> Field {
        Field(name: name, kind: .view(type), read: { read($0).map { TemplateValue.view($0) } ?? .absent })
    }

    package static func list<View: TemplateView>(
        _ name: String, _ type: View.Type, _ read: @escaping @Sendable (Root) -> [View]
    ) -> Field {
        Field(name: name, kind: .list(type), read: { .list(read($0)) })
    }

    package static func texts(_ name: String, _ read: @escaping @Sendable (Root) -> [String]) -> Field {
        Field(name: name, kind: .textList, read: { .texts(read($0)) })
    }
}
