import MierukaDiagnostics
import MierukaModel

/// Reads `grading:` (how a grade was reached, in the report's words) and `member_grades:` (the
/// members' own grades behind it: `[B, C, C]`, or `[{member: A委員, grade: B}, …]`) beside a grade.
enum GradeCompositionDecoder {
    static let keys = ["grading", "member_grades"]
    static let memberKeys = ["member", "grade"]

    /// Nil when neither key is there.
    static func decode(_ reader: MappingReader, diagnostics: inout Diagnostics) -> GradeCompositionDocument? {
        let method = reader.text("grading", diagnostics: &diagnostics)
        var members: [MemberGradeDocument] = []
        if let node = reader.node("member_grades") {
            guard case .sequence(let sequence) = node else {
                diagnostics.error(
                    at: node.location, "\"member_grades\" should be a list of the members' grades, but is \(node.kindDescription)",
                    hint: "write member_grades: [B, C, C], or a list of {member: A委員, grade: B}, as the report prints them")
                return nil
            }
            for entry in sequence.items {
                switch entry {
                case .scalar(let scalar):
                    let text = scalar.text.trimmingWhitespace()
                    guard !scalar.isNull, !text.isEmpty else {
                        diagnostics.error(
                            at: scalar.location, "a member's grade in \"member_grades\" is empty",
                            hint: "write each member's grade as the report prints it (B), or leave the entry out")
                        continue
                    }
                    members.append(MemberGradeDocument(member: nil, grade: Located(text, at: scalar.location)))
                case .mapping, .sequence:
                    guard let member = MappingReader(entry, what: "a member's grade", knownKeys: memberKeys, diagnostics: &diagnostics),
                        let grade = member.requiredText("grade", diagnostics: &diagnostics)
                    else { continue }
                    members.append(MemberGradeDocument(member: member.text("member", diagnostics: &diagnostics), grade: grade))
                }
            }
        }
        guard method != nil || reader.has("member_grades") else { return nil }
        return GradeCompositionDocument(
            method: method, members: members,
            location: reader.keyLocation(method != nil ? "grading" : "member_grades") ?? reader.location)
    }
}
