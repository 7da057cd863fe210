/// The index file, `search/index.json`, compact and always the same bytes for the same site:
///
///     {"format":"mieruka-search","format_version":1,
///      "fields":[{"name":"title","label":"取組項目","weight":8}, …],
///      "plans":[{"title":…,"url":"/kodaira-3/","grades":[["S","予定以上に進捗"], …],"ranked":true,"years":["平成29年度", …]}],
///      "kinds":{"item":"取組項目","plan":"計画", …},
///      "documents":[[plan, number, title, path, grade, grade_year, departments, [[field, year, text], …], kind(, label)], …],
///      "postings":{"token":[n, …], …}}
///
/// A document is an array (its positions are named in "document_fields"; `label`, what a result
/// calls the page in its plan's words, is there only when the plan names it) and its grade and years
/// are indices into its plan's lists, to keep the file small. A grade's code is null on a scale of
/// words only; `ranked` says whether the plan ranks its scale best first (only then do results
/// colour grades as better and worse). Each posting is one number,
/// `gap × 2^fields + mask`: the gap from the previous posting's document (the first: from 0) and
/// the fields that hold the token, one bit each in the order of "fields".
enum SearchIndexJSON {
    static let formatVersion = 1

    static func encode(_ index: SearchIndex) -> [UInt8] {
        var out = JSONBytes()
        out.raw("{\"format\":\"mieruka-search\",\"format_version\":\(formatVersion),\"fields\":[")
        for (offset, field) in SearchField.allCases.enumerated() {
            if offset > 0 { out.raw(",") }
            out.raw("{\"name\":")
            out.string(field.name)
            out.raw(",\"label\":")
            out.string(field.label)
            out.raw(",\"weight\":\(field.weight)}")
        }
        out.raw(
            "],\"document_fields\":[\"plan\",\"number\",\"title\",\"path\",\"grade\",\"grade_year\",\"departments\",\"snippets\",\"kind\",\"label\"],\"kinds\":{"
        )
        for (offset, kind) in SearchIndex.Kind.allCases.enumerated() {
            if offset > 0 { out.raw(",") }
            out.string(kind.rawValue)
            out.raw(":")
            out.string(kind.label)
        }
        out.raw("},\"plans\":[")
        for (offset, plan) in index.plans.enumerated() {
            if offset > 0 { out.raw(",") }
            Self.plan(plan, into: &out)
        }
        out.raw("],\"documents\":[")
        for (offset, document) in index.documents.enumerated() {
            out.raw(offset > 0 ? ",\n" : "\n")
            Self.document(document, into: &out)
        }
        out.raw("],\"postings\":{")
        let base = 1 << SearchField.allCases.count
        for (offset, entry) in index.postings.enumerated() {
            out.raw(offset > 0 ? ",\n" : "\n")
            out.string(entry.token)
            out.raw(":")
            var previous = 0
            out.integers(entry.postings.count) { postingOffset in
                let posting = entry.postings[postingOffset]
                defer { previous = posting.document }
                return (posting.document - previous) * base + Int(posting.fields)
            }
        }
        out.raw("}}\n")
        return out.bytes
    }

    /// `{"title":…,"url":…,"grades":[[code,label],…],"ranked":…,"years":[…]}`
    private static func plan(_ plan: SearchIndex.Plan, into out: inout JSONBytes) {
        out.raw("{\"title\":")
        out.string(plan.title)
        out.raw(",\"url\":")
        out.string(plan.url)
        out.raw(",\"grades\":[")
        for (gradeOffset, grade) in plan.grades.enumerated() {
            out.raw(gradeOffset > 0 ? ",[" : "[")
            if let code = grade.code { out.string(code) } else { out.raw("null") }
            out.raw(",")
            out.string(grade.label)
            out.raw("]")
        }
        out.raw(plan.ranked ? "],\"ranked\":true,\"years\":[" : "],\"ranked\":false,\"years\":[")
        for (yearOffset, year) in plan.years.enumerated() {
            if yearOffset > 0 { out.raw(",") }
            out.string(year)
        }
        out.raw("]}")
    }

    /// `[plan, number, title, path, grade, grade_year, departments, [[field, year, text], …], kind(, label)]`
    private static func document(_ document: SearchIndex.Document, into out: inout JSONBytes) {
        out.raw("[")
        out.number(document.plan)
        out.raw(",")
        out.string(document.number)
        out.raw(",")
        out.string(document.title)
        out.raw(",")
        out.string(document.path)
        out.raw(",")
        out.number(document.grade)
        out.raw(",")
        out.number(document.gradeYear)
        out.raw(",")
        out.string(document.departments)
        out.raw(",[")
        for (snippetOffset, snippet) in document.snippets.enumerated() {
            out.raw(snippetOffset > 0 ? ",[" : "[")
            out.integer(snippet.field.rawValue)
            out.raw(",")
            out.number(snippet.year)
            out.raw(",")
            out.string(snippet.text)
            out.raw("]")
        }
        out.raw("],")
        out.string(document.kind.rawValue)
        if let label = document.label {
            out.raw(",")
            out.string(label)
        }
        out.raw("]")
    }
}

/// Compact JSON written straight into bytes.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func number(_ value: Int?) {
        if let value { integer(value) } else { raw("null") }
    }

    /// A whole number in decimal, its digits written straight into the bytes.
    mutating func integer(_ value: Int) {
        integers(1, { _ in value }, brackets: false)
    }

    /// `[n,n,…]`: the `count` numbers `value` gives for 0, 1, … (called in that order), their
    /// digits written straight into one array made with room for the longest, which is appended at
    /// once (the postings are hundreds of thousands of numbers: neither a String each nor an
    /// append per digit).
    mutating func integers(_ count: Int, _ value: (Int) -> Int, brackets: Bool = true) {
        // At most 19 digits and a sign, and a comma, for each.
        let list = [UInt8](unsafeUninitializedCapacity: count * 21 + 2) { buffer, written in
            var at = 0
            func put(_ byte: UInt8) {
                buffer[at] = byte
                at += 1
            }
            if brackets { put(UInt8(ascii: "[")) }
            Self.digitPairs.withUnsafeBufferPointer { pairs in
                for offset in 0..<count {
                    if offset > 0 { put(UInt8(ascii: ",")) }
                    let number = value(offset)
                    if number < 0 { put(UInt8(ascii: "-")) }
                    at += Self.digitCount(number.magnitude)
                    Self.writeDigits(number.magnitude, endingAt: at, in: buffer, pairs: pairs)
                }
            }
            if brackets { put(UInt8(ascii: "]")) }
            written = at
        }
        bytes.append(contentsOf: list)
    }

    /// "00", "01", … "99", so that a number's digits are written two at a time.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { pair in
        [UInt8(ascii: "0") + UInt8(pair / 10), UInt8(ascii: "0") + UInt8(pair % 10)]
    }

    private static func digitCount(_ value: UInt) -> Int {
        var digits = 1
        var rest = value
        while rest >= 100 {
            digits += 2
            rest /= 100
        }
        return rest >= 10 ? digits + 1 : digits
    }

    /// The digits of `value`, from the last, the last just before `end`.
    @inline(__always)
    private static func writeDigits(
        _ value: UInt, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>, pairs: UnsafeBufferPointer<UInt8>
    ) {
        var rest = value
        var place = end
        while rest >= 100 {
            let pair = Int(rest % 100) * 2
            rest /= 100
            place -= 2
            buffer[place] = pairs[pair]
            buffer[place + 1] = pairs[pair + 1]
        }
        if rest >= 10 {
            buffer[place - 2] = pairs[Int(rest) * 2]
            buffer[place - 1] = pairs[Int(rest) * 2 + 1]
        } else {
            buffer[place - 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
        }
    }

    /// RFC 8259 escaping: quotes, backslashes and control characters; U+2028 and U+2029 too,
    /// so that the text is also valid JavaScript. Everything else as UTF-8, copied a run at a time
    /// between the bytes that need an escape (a snippet's closing 「…」 needs none).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            var offset = 0
            while offset < utf8.count {
                let length = Self.escapedLength(utf8, at: offset)
                if length == 0 {
                    // A lead byte of 0xE3 and up (kanji, kana) starts three bytes or more, none escaped.
                    offset += utf8[offset] >= 0xE3 ? 3 : 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
                escape(utf8, at: offset)
                offset += length
                run = offset
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// How many bytes at `offset` are written escaped: a quote, backslash or control character
    /// (1), U+2028 or U+2029 (3); 0 for a byte copied as it is.
    private static func escapedLength(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let byte = utf8[offset]
        if byte < 0x20 || byte == 0x22 || byte == 0x5C { return 1 }
        guard byte == 0xE2, offset + 2 < utf8.count, utf8[offset + 1] == 0x80, utf8[offset + 2] & 0xFE == 0xA8 else { return 0 }
        return 3
    }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) {
        switch utf8[offset] {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0xE2: raw(utf8[offset + 2] == 0xA8 ? "\\u2028" : "\\u2029")
        case let control:
            let hex = String(control, radix: 16, uppercase: false)
            raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
}
