/// Where an item appears in its plan: its number and the policy it is listed under.
///
/// Most items have one listing. An item listed again under a second policy (再掲) has one more,
/// with its own number there: Kodaira's 観光まちづくりの推進 is No 7 under Ⅰ and No 41 under Ⅴ.
/// Counts per policy count listings, as the cities count them.
package struct Listing: Sendable, Hashable {
    package let number: String
    /// Index in `Plan.policies`.
    package let policy: Int
    /// True for the second and later listings (再掲).
    package let isRelisting: Bool

    package init(number: String, policy: Int, isRelisting: Bool) {
        self.number = number
        self.policy = policy
        self.isRelisting = isRelisting
    }
}
