/// A date and time from a workbook's serial number: days since the workbook's epoch, the time of
/// day as the fraction.
///
/// In the 1900 date system (Excel's default) day 1 is 1900-01-01 and day 60 is 1900-02-29, a day
/// that never was, kept by Excel for compatibility with Lotus 1-2-3; in the 1904 system (old Mac
/// workbooks) day 0 is 1904-01-01.
struct XLSXDate: Equatable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    /// 0 for Sunday.
    let weekday: Int
    /// Whole hours since the epoch, for `[h]`.
    let elapsedHours: Int

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let japaneseDayNames = ["日", "月", "火", "水", "木", "金", "土"]

    /// Nil outside the dates Excel shows (before its epoch, after 9999-12-31).
    init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var seconds = Int((serial * 86_400).rounded())
        var days = seconds / 86_400
        seconds %= 86_400
        elapsedHours = Int((serial * 24).rounded(.down))
        if date1904 {
            days += Self.daysFromCivil(1904, 1, 1)
        } else if days == 60 {
            (year, month, day) = (1900, 2, 29)
            (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
            weekday = 3
            return
        } else {
            days += Self.daysFromCivil(1899, 12, days < 60 ? 31 : 30)
        }
        (year, month, day) = Self.civil(fromDays: days)
        (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        // 1970-01-01 (day 0) was a Thursday.
        weekday = ((days % 7) + 7 + 4) % 7
    }

    /// The Japanese era of the date, by the day each began, and the era year.
    var era: (letter: String, name: String, year: Int)? {
        let ordinal = year * 10_000 + month * 100 + day
        let eras: [(start: Int, letter: String, name: String, firstYear: Int)] = [
            (20190501, "R", "令和", 2019), (19890108, "H", "平成", 1989), (19261225, "S", "昭和", 1926),
            (19120730, "T", "大正", 1912), (18680908, "M", "明治", 1868),
        ]
        guard let era = eras.first(where: { ordinal >= $0.start }) else { return nil }
        return (era.letter, era.name, year - era.firstYear + 1)
    }

    /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The serial number of an ISO 8601 date and time ("2024-04-01", "2024-04-01T09:30:00"), as a
    /// cell of type `d` holds it; nil when it is not one.
    static func serial(iso text: String, date1904: Bool) -> Double? {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let datePart = parts.first else { return nil }
        let ymd = datePart.split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3, (1...12).contains(ymd[1]), (1...31).contains(ymd[2]) else { return nil }
        var seconds = 0.0
        if parts.count == 2 {
            let hms = parts[1].prefix { $0 != "Z" && $0 != "+" }.split(separator: ":").compactMap { Double($0) }
            guard !hms.isEmpty else { return nil }
            seconds = hms[0] * 3600 + (hms.count > 1 ? hms[1] * 60 : 0) + (hms.count > 2 ? hms[2] : 0)
        }
        let days = daysFromCivil(ymd[0], ymd[1], ymd[2])
        var serial: Double
        if date1904 {
            serial = Double(days - daysFromCivil(1904, 1, 1))
        } else {
            serial = Double(days - daysFromCivil(1899, 12, 30))
            if serial < 61 { serial -= 1 }
        }
        return serial + seconds / 86_400
    }
}
