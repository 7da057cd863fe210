/// A cell's number format (表示形式), and a number rendered with it as Excel shows it — which is
/// what Excel writes when the sheet is saved as CSV, so that a workbook reads as its CSV would.
///
/// Rendered: General (up to 15 significant digits, Excel's precision, without an exponent), fixed
/// decimals (`0.0`), thousands separators (`#,##0`), percentages (`0.0%`: 0.943 shows 94.3%),
/// scaling by a trailing comma, text in quotes and other literals (`#,##0"千円"`), sections for
/// negative numbers and zero (`#,##0;"△"#,##0`), colours and locale tags (`[Red]`, `[$-411]`), and
/// dates and times from serial numbers (`yyyy/m/d`, `ggge"年"m"月"d"日"` in Japanese eras, `h:mm`).
/// Scientific (`0.00E+00`), fraction (`# ?/?`) and conditional (`[>=100]`) formats show the number
/// as General instead: they would hide digits the city wrote.
struct XLSXNumberFormat: Equatable, Sendable {
    static let general = XLSXNumberFormat(code: "General")

    let code: String
    private let sections: [Section]

    init(code: String) {
        self.code = code
        sections = Self.split(code).map(Section.init)
    }

    /// Whether numbers in this format are dates or times.
    var isDate: Bool { sections.first?.isDate ?? false }

    /// The number as the cell shows it.
    func render(_ value: Double, date1904: Bool) -> String {
        guard value.isFinite else { return XLSXNumberFormat.generalText(value) }
        var section = sections.first ?? Section("General")
        var magnitude = value
        var signed = true
        if value < 0, sections.count >= 2 {
            section = sections[1]
            magnitude = -value
            signed = false
        } else if value == 0, sections.count >= 3 {
            section = sections[2]
        }
        if section.isDate {
            return section.renderDate(value, date1904: date1904) ?? Self.generalText(value)
        }
        guard !section.fallsBackToGeneral else { return Self.generalText(value) }
        return section.renderNumber(magnitude, signed: signed)
    }

    /// "92.6", "1200", "-0.5": up to 15 significant digits, no exponent, no trailing zeros.
    static func generalText(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "#NUM!" : "#NUM!" }
        let decimal = Decimal15(value)
        return decimal.fixed(decimals: nil, grouping: false, minimumIntegerDigits: 1, minimumDecimals: 0)
    }

    /// The built-in formats' codes, as Japanese Excel shows them (ids 27–36 and 50–58 are the
    /// Japanese date formats of the ja-JP locale).
    static func builtIn(_ id: Int) -> String? {
        switch id {
        case 0: "General"
        case 1: "0"
        case 2: "0.00"
        case 3: "#,##0"
        case 4: "#,##0.00"
        case 5: "\"¥\"#,##0;\"¥\"\\-#,##0"
        case 6: "\"¥\"#,##0;[Red]\"¥\"\\-#,##0"
        case 7: "\"¥\"#,##0.00;\"¥\"\\-#,##0.00"
        case 8: "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00"
        case 9: "0%"
        case 10: "0.00%"
        case 11: "0.00E+00"
        case 12: "# ?/?"
        case 13: "# ??/??"
        case 14: "yyyy/m/d"
        case 15: "d-mmm-yy"
        case 16: "d-mmm"
        case 17: "mmm-yy"
        case 18: "h:mm AM/PM"
        case 19: "h:mm:ss AM/PM"
        case 20: "h:mm"
        case 21: "h:mm:ss"
        case 22: "yyyy/m/d h:mm"
        case 27, 36, 50, 57: "[$-411]ge.m.d"
        case 28, 29, 54, 58: "[$-411]ggge\"年\"m\"月\"d\"日\""
        case 30: "m/d/yy"
        case 31, 55: "yyyy\"年\"m\"月\"d\"日\""
        case 32: "h\"時\"mm\"分\""
        case 33: "h\"時\"mm\"分\"ss\"秒\""
        case 34, 51, 52: "yyyy\"年\"m\"月\""
        case 35, 53, 56: "m\"月\"d\"日\""
        case 37: "#,##0 ;(#,##0)"
        case 38: "#,##0 ;[Red](#,##0)"
        case 39: "#,##0.00;(#,##0.00)"
        case 40: "#,##0.00;[Red](#,##0.00)"
        case 45: "mm:ss"
        case 46: "[h]:mm:ss"
        case 47: "mm:ss.0"
        case 48: "##0.0E+0"
        case 49: "@"
        default: nil
        }
    }

    /// The sections of a code, split at `;` outside quotes and brackets.
    static func split(_ code: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
            } else if character == "\\" && !inQuotes {
                escaped = true
            } else if character == "\"" && !inBrackets {
                inQuotes.toggle()
            } else if !inQuotes && character == "[" {
                inBrackets = true
            } else if !inQuotes && character == "]" {
                inBrackets = false
            } else if !inQuotes && !inBrackets && character == ";" {
                sections.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        sections.append(current)
        return sections
    }
}

// MARK: - A section of a format

extension XLSXNumberFormat {
    enum Token: Equatable {
        case literal(String)
        /// A digit placeholder, `.`, `,` or `%`: together they say how the number is written.
        case digits(Character)
        case general
        case year(Int)
        case month(Int)
        case day(Int)
        /// 日, 日曜日 (`aaa`, `aaaa`).
        case weekday(Int)
        case hour(Int)
        case minute(Int)
        case second(Int)
        case era(Int)
        case eraYear(Int)
        case ampm
        case elapsedHours
    }

    struct Section: Equatable {
        var tokens: [Token] = []
        /// Scientific, fraction and conditional sections are shown as General.
        var fallsBackToGeneral = false

        var isDate: Bool {
            tokens.contains { token in
                switch token {
                case .year, .month, .day, .weekday, .hour, .minute, .second, .era, .eraYear, .elapsedHours: true
                default: false
                }
            }
        }

        init(_ code: String) {
            let characters = Array(code)
            var index = 0
            while index < characters.count {
                if readPunctuation(characters, at: &index) || readKeyword(characters, at: &index) { continue }
                readLetters(characters, at: &index)
            }
            resolveMinutes()
        }

        /// Quoted and escaped literals, padding and fill, brackets, digit placeholders, `@` and
        /// `/`; false (nothing read) for any other character.
        private mutating func readPunctuation(_ characters: [Character], at index: inout Int) -> Bool {
            let character = characters[index]
            switch character {
            case "\"":
                var literal = ""
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    literal.append(characters[index])
                    index += 1
                }
                index += 1
                tokens.append(.literal(literal))
            case "\\":
                if index + 1 < characters.count { tokens.append(.literal(String(characters[index + 1]))) }
                index += 2
            case "_":
                tokens.append(.literal(" "))
                index += 2
            case "*":
                index += 2
            case "[":
                var content = ""
                index += 1
                while index < characters.count, characters[index] != "]" {
                    content.append(characters[index])
                    index += 1
                }
                index += 1
                bracket(content)
            case "0", "#", "?", ".", ",", "%":
                tokens.append(.digits(character == "?" ? "#" : character))
                index += 1
            case "@":
                index += 1
            case "/":
                if !isDate, hasDigits {
                    fallsBackToGeneral = true
                }
                tokens.append(.literal("/"))
                index += 1
            default:
                return false
            }
            return true
        }

        /// An exponent after digits (`E+`, `e-`: shown as General), `General`, `AM/PM` and `A/P`;
        /// false when none starts at `index`.
        private mutating func readKeyword(_ characters: [Character], at index: inout Int) -> Bool {
            let lower = Character(characters[index].lowercased())
            if lower == "e", index + 1 < characters.count, characters[index + 1] == "+" || characters[index + 1] == "-", hasDigits {
                fallsBackToGeneral = true
                index += 2
                return true
            }
            let keywords: [(spelling: String, token: Token)] = [("GENERAL", .general), ("AM/PM", .ampm), ("A/P", .ampm)]
            for keyword in keywords where String(characters[index...].prefix(keyword.spelling.count)).uppercased() == keyword.spelling {
                tokens.append(keyword.token)
                index += keyword.spelling.count
                return true
            }
            return false
        }

        /// A run of one date or time letter (`yyyy`, `mm`, `ggg`, `aaa` …), or any other character
        /// as a literal.
        private mutating func readLetters(_ characters: [Character], at index: inout Int) {
            let character = characters[index]
            let lower = Character(character.lowercased())
            var count = 0
            while index + count < characters.count, characters[index + count].lowercased() == character.lowercased() {
                count += 1
            }
            switch lower {
            case "y": tokens.append(.year(count))
            case "m": tokens.append(.month(count))
            case "d": tokens.append(.day(count))
            case "a" where count >= 3: tokens.append(.weekday(count))
            case "h": tokens.append(.hour(count))
            case "s": tokens.append(.second(count))
            case "g": tokens.append(.era(count))
            case "e": tokens.append(.eraYear(count))
            default:
                tokens.append(.literal(String(character)))
                index += 1
                return
            }
            index += count
        }

        private var hasDigits: Bool {
            tokens.contains { if case .digits = $0 { true } else { false } }
        }

        /// `[Red]`, `[$-411]`, `[$¥-411]`, `[h]`, `[>=100]`.
        private mutating func bracket(_ content: String) {
            if content.hasPrefix("$") {
                let symbol = content.dropFirst().prefix { $0 != "-" }
                if !symbol.isEmpty { tokens.append(.literal(String(symbol))) }
            } else if let first = content.first, "<>=".contains(first) {
                fallsBackToGeneral = true
            } else if ["h", "hh"].contains(content.lowercased()) {
                tokens.append(.elapsedHours)
            }
            // Colours ([Red], [Color10]), [DBNum1] and the like change how a number looks, not its digits.
        }

        /// An `m` right after hours or right before seconds is minutes, as Excel reads it.
        private mutating func resolveMinutes() {
            for index in tokens.indices {
                guard case .month(let count) = tokens[index], count <= 2 else { continue }
                let before = tokens[..<index].last { !Self.isLiteral($0) }
                let after = tokens[(index + 1)...].first { !Self.isLiteral($0) }
                var isMinute = false
                if case .hour = before { isMinute = true }
                if case .elapsedHours = before { isMinute = true }
                if case .second = after { isMinute = true }
                if isMinute { tokens[index] = .minute(count) }
            }
        }

        private static func isLiteral(_ token: Token) -> Bool {
            if case .literal = token { return true }
            return false
        }

        // MARK: Numbers

        func renderNumber(_ value: Double, signed: Bool) -> String {
            let placeholders = tokens.compactMap { token -> Character? in
                if case .digits(let character) = token { return character }
                return nil
            }
            var number: String
            if tokens.contains(.general) || placeholders.isEmpty {
                number = XLSXNumberFormat.generalText(abs(value))
                if placeholders.isEmpty && !tokens.contains(.general) && tokens.contains(where: Self.isLiteral) {
                    // A format of text alone ("-") shows only its text.
                    number = ""
                }
            } else {
                number = Self.fixed(abs(value), placeholders: placeholders)
            }
            var out = ""
            var placed = false
            if signed && value < 0 && !Self.isZero(number) { out = "-" }
            for token in tokens {
                switch token {
                case .literal(let text): out += text
                case .digits("%"):
                    if !placed {
                        out += number
                        placed = true
                    }
                    out += "%"
                case .digits, .general:
                    if !placed {
                        out += number
                        placed = true
                    }
                default: break
                }
            }
            if !placed { out += number }
            return out
        }

        private static func isZero(_ text: String) -> Bool {
            !text.contains { $0.isNumber && $0 != "0" }
        }

        /// The number written with the placeholders of `0.0`, `#,##0`, `0.0%` and the like.
        private static func fixed(_ value: Double, placeholders: [Character]) -> String {
            let point = placeholders.firstIndex(of: ".")
            let integerPart = placeholders[..<(point ?? placeholders.endIndex)]
            let fractionPart = point.map { placeholders[($0 + 1)...] } ?? []
            let digitsBefore = integerPart.filter { $0 == "0" || $0 == "#" }
            let minimumIntegerDigits = digitsBefore.count(where: { $0 == "0" })
            // A comma between digit placeholders groups thousands; commas after the last one divide by 1,000.
            var trailingCommas = 0
            for character in integerPart.reversed() {
                if character == "," { trailingCommas += 1 } else if character != "%" { break }
            }
            if point == nil, trailingCommas == 0 {
                for character in placeholders.reversed() {
                    if character == "," { trailingCommas += 1 } else if character != "%" { break }
                }
            }
            let grouping = integerPart.dropLast(trailingCommas).contains(",")
            let decimals = fractionPart.count(where: { $0 == "0" || $0 == "#" })
            let minimumDecimals = fractionPart.count(where: { $0 == "0" })
            let percents = placeholders.count(where: { $0 == "%" })
            var decimal = Decimal15(value)
            decimal.exponent += 2 * percents - 3 * trailingCommas
            var text = decimal.fixed(
                decimals: decimals, grouping: grouping, minimumIntegerDigits: minimumIntegerDigits,
                minimumDecimals: minimumDecimals)
            if point != nil, decimals > 0, minimumDecimals == 0, !text.contains(".") { text += "." }
            if point != nil, decimals == 0 { text += "." }
            return text
        }

        // MARK: Dates

        func renderDate(_ serial: Double, date1904: Bool) -> String? {
            guard let moment = XLSXDate(serial: serial, date1904: date1904) else { return nil }
            let twelveHour = tokens.contains(.ampm)
            var out = ""
            for token in tokens {
                switch token {
                case .literal(let text): out += text
                case .year(let count): out += count <= 2 ? Self.padded(moment.year % 100, 2) : String(moment.year)
                case .month(let count):
                    switch count {
                    case 1: out += String(moment.month)
                    case 2: out += Self.padded(moment.month, 2)
                    case 3: out += XLSXDate.monthNames[moment.month - 1].prefix(3)
                    case 5: out += XLSXDate.monthNames[moment.month - 1].prefix(1)
                    default: out += XLSXDate.monthNames[moment.month - 1]
                    }
                case .day(let count):
                    switch count {
                    case 1: out += String(moment.day)
                    case 2: out += Self.padded(moment.day, 2)
                    case 3: out += XLSXDate.dayNames[moment.weekday].prefix(3)
                    default: out += XLSXDate.dayNames[moment.weekday]
                    }
                case .weekday(let count):
                    out += XLSXDate.japaneseDayNames[moment.weekday] + (count >= 4 ? "曜日" : "")
                case .hour(let count):
                    var hour = moment.hour
                    if twelveHour { hour = hour % 12 == 0 ? 12 : hour % 12 }
                    out += count >= 2 ? Self.padded(hour, 2) : String(hour)
                case .elapsedHours: out += String(moment.elapsedHours)
                case .minute(let count): out += count >= 2 ? Self.padded(moment.minute, 2) : String(moment.minute)
                case .second(let count): out += count >= 2 ? Self.padded(moment.second, 2) : String(moment.second)
                case .ampm: out += moment.hour < 12 ? "AM" : "PM"
                case .era(let count):
                    guard let era = moment.era else { return nil }
                    out += count == 1 ? era.letter : count == 2 ? String(era.name.prefix(1)) : era.name
                case .eraYear(let count):
                    guard let era = moment.era else { return nil }
                    out += count >= 2 ? Self.padded(era.year, 2) : String(era.year)
                case .digits(let character):
                    // In a date, "." and "," are text (ge.m.d); a 0 after seconds is a tenth of one.
                    out.append(character == "#" ? "0" : character)
                case .general: break
                }
            }
            return out
        }

        private static func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
    }
}
