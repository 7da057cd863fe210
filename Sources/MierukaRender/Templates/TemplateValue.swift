/// A view model field's value as templates see it.
package enum TemplateValue: Sendable {
    /// Text, escaped when shown with `{{name}}`.
    case text(String)
    /// HTML made safe by Mieruka (rendered Markdown), inserted with `{{{name}}}`.
    case html(String)
    /// HTML made by Mieruka as UTF-8 bytes (the charts' SVG, written as bytes), inserted as it is
    /// with `{{{name}}}`: never made a String, whose making would check every byte again.
    case markup([UInt8])
    case flag(Bool)
    case view(any TemplateView)
    case list([any TemplateView])
    case texts([String])
    /// A declared field without a value: shows nothing, counts as false in sections.
    case absent
}
