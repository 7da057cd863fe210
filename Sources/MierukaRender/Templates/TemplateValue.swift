/// A view model field's value as templates see it.
package enum TemplateValue: Sendable {
    /// Text, escaped when shown with `{{name}}`.
    case text(String)
    /// HTML made safe by Mieruka (rendered Markdown), inserted with `{{{name}}}`.
    case html(String)
    case flag(Bool)
    case view(any TemplateView)
    case list([any TemplateView])
    case texts([String])
    /// A declared field without a value: shows nothing, counts as false in sections.
    case absent
}
