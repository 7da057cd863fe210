/// Orders item numbers as people read them: 2 before 10, 3-2 before 3-10, T0009 before T0010.
package enum NaturalOrder {
    package static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let left = chunks(a)
        let right = chunks(b)
        for (x, y) in zip(left, right) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let s), .text(let t)): return s < t
            }
        }
        if left.count != right.count { return left.count < right.count }
        return a < b
    }

    enum Chunk: Equatable {
        case number(Int)
        case text(String)
    }

    static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        var digits = ""
        var letters = ""
        func flushDigits() {
            if !digits.isEmpty { result.append(.number(Int(digits.prefix(18)) ?? Int.max)) }
            digits = ""
        }
        func flushLetters() {
            if !letters.isEmpty { result.append(.text(letters)) }
            letters = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                flushLetters()
                digits.append(character)
            } else {
                flushDigits()
                letters.append(character)
            }
        }
        flushDigits()
        flushLetters()
        return result
    }
}
