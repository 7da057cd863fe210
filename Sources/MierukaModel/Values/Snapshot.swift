/// A point within a fiscal year that a report's figures stand at, as the report writes it
/// (宮古島市: 「3月末」「6月末」「9月末」; 大阪市: 「8月末」 against the year's end). Figures at a
/// snapshot are never labelled as the fiscal year's, and are compared only with figures at the same
/// point.
package struct Snapshot: Sendable, Hashable {
    /// As written (「9月末」, 「9月30日現在」).
    package let text: String
    /// The calendar month named (1–12).
    package let month: Int
    /// The day named, or nil for 「末」 or a month alone.
    package let day: Int?

    package init(text: String, month: Int, day: Int?) {
        self.text = text
        self.month = month
        self.day = day
    }

    /// Reads the month and day a text names: 「9月末」, 「９月末時点」, 「9月30日現在」, 「平成19年9月末」,
    /// and with the spaces a PDF's text puts inside it (「H27.3 月末現在」, 「9 月 30 日」).
    /// Nil when it names no month from 1 to 12 (or a day outside 1–31).
    package static func parse(_ written: String) -> Snapshot? {
        let text = written.trimmingWhitespace()
        let folded = String(WidthNormalization.fold(text).filter { !$0.isWhitespace })
        guard let monthMark = folded.firstIndex(of: "月") else { return nil }
        // The digits just before 月 (after 年 when a year is written).
        let digitsBefore = folded[..<monthMark].reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digitsBefore.isEmpty, let month = Int(String(digitsBefore.reversed())), (1...12).contains(month) else {
            return nil
        }
        let rest = folded[folded.index(after: monthMark)...]
        let dayDigits = rest.prefix { $0.isASCII && $0.isNumber }
        var day: Int? = nil
        if !dayDigits.isEmpty {
            guard rest.dropFirst(dayDigits.count).hasPrefix("日"), let value = Int(dayDigits), (1...31).contains(value) else {
                return nil
            }
            day = value
        }
        return Snapshot(text: text, month: month, day: day)
    }

    /// Order within a fiscal year: April first, March last; a month's end after its days.
    package var fiscalOrder: Int {
        let position = month >= 4 ? month - 4 : month + 8
        return position * 100 + (day ?? 99)
    }

    /// 「9月末時点」: the text with 時点 unless it already says 時点 or 現在.
    package var pointLabel: String {
        text.hasSuffix("時点") || text.hasSuffix("現在") ? text : text + "時点"
    }

    /// Whether two figures stand at the same point of their years (both at the year's end when nil).
    package static func samePoint(_ lhs: Snapshot?, _ rhs: Snapshot?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case let (lhs?, rhs?): lhs.month == rhs.month && lhs.day == rhs.day
        default: false
        }
    }
}
