/// Who published a plan's reports, as far as the pages name it: 「市の公表値」 for a city,
/// 「町の公表値」 for a town, and so on.
///
/// The word comes from an explicit source only: the plan's `publisher_kind:` when it has one
/// (県, 広域連合 …), else the last character of its `city:` as written when that is 市, 町, 村 or 区
/// (「栄町」 → 町). Anything else gives no word, and the pages say 「公表値」 without naming the body.
package struct Publisher: Sendable, Hashable {
    /// 「市」, 「町」, 「広域連合」; nil when neither source names one.
    package let kind: String?

    /// The endings of `city:` that name the kind of body.
    package static let kindsByEnding: [Character] = ["市", "町", "村", "区"]

    package init(kind: String?) {
        self.kind = kind
    }

    /// The kind declared with `publisher_kind:`, else the one `city:` ends with.
    package init(city: String, declaredKind: String?) {
        if let declaredKind, !declaredKind.isEmpty {
            self.kind = declaredKind
        } else {
            self.kind = Publisher.kind(endingOf: city)
        }
    }

    /// 市, 町, 村 or 区 when the name as written ends with it, else nil.
    package static func kind(endingOf city: String) -> String? {
        guard let last = city.last, kindsByEnding.contains(last) else { return nil }
        return String(last)
    }

    /// 「町の公表値」, or 「公表値」 when the kind is not known.
    package var publishedMark: String { kind.map { "\($0)の公表値" } ?? "公表値" }

    /// 「町が」, or 「」 when the kind is not known (「町が公表した」 / 「公表した」).
    package var subject: String { kind.map { "\($0)が" } ?? "" }
}
