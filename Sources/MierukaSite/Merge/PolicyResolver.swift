import MierukaDiagnostics
import MierukaModel

/// Finds policies by id within one plan, with a helpful error when an id is unknown.
struct PolicyResolver {
    let planSlug: String
    let policies: [Policy]
    private let indexByID: [String: Int]

    init(planSlug: String, policies: [Policy]) {
        self.planSlug = planSlug
        self.policies = policies
        var index: [String: Int] = [:]
        for (offset, policy) in policies.enumerated() { index[policy.id] = offset }
        self.indexByID = index
    }

    func resolve(_ id: Located<String>, diagnostics: inout Diagnostics) -> Int? {
        if let index = indexByID[id.value] { return index }
        let folded = WidthNormalization.fold(id.value)
        if let index = indexByID[folded] { return index }
        if policies.isEmpty {
            diagnostics.error(
                at: id.location, "policy \"\(id.value)\" is not defined: the plan \(planSlug) has no policies",
                hint: "list the plan's policies under policies: in content/\(planSlug)/_index.md")
        } else {
            let known = policies.map { $0.id }
            var hint = "known policy ids: " + known.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: id.value, in: known) {
                hint = "did you mean \"\(suggestion)\"? " + hint
            }
            diagnostics.error(at: id.location, "policy \"\(id.value)\" is not in the plan \(planSlug)", hint: hint)
        }
        return nil
    }
}
