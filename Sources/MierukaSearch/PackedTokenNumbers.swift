/// The numbers of the Japanese tokens the search index has met, by the token's one or two
/// characters packed into one integer (`SearchTokenizer.Key.japanese`).
///
/// A hash table with open addressing: a key's place is its top bits after a multiplication by a
/// large odd constant, and a taken place passes the search on to the next. A `Dictionary` hashes
/// each key with SipHash, which cost more than all else of recording a token of an item's text;
/// these keys are not chosen by an attacker (the table lives for one build of the site's own
/// text), so a simple hash serves.
struct PackedTokenNumbers {
    /// The keys, at their places.
    private var keys: [UInt64]
    /// The number + 1 of the key at each place; 0 where no key is.
    private var numbers: [Int]
    private var count = 0
    /// 64 − log2 of the number of places.
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 1024)
        numbers = Array(repeating: 0, count: 1024)
        shift = 64 - 10
    }

    /// The number of `key`; `new` when the key is met for the first time, and kept for it.
    mutating func number(of key: UInt64, new: Int) -> Int {
        // At most half the places are taken, so that a search ends soon.
        if count * 2 >= numbers.count { grow() }
        let mask = numbers.count - 1
        var place = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while numbers[place] != 0 {
            if keys[place] == key { return numbers[place] - 1 }
            place = (place + 1) & mask
        }
        keys[place] = key
        numbers[place] = new + 1
        count += 1
        return new
    }

    /// Twice the places, every key put in again.
    private mutating func grow() {
        let taken = numbers.indices.filter { numbers[$0] != 0 }.map { (keys[$0], numbers[$0] - 1) }
        keys = Array(repeating: 0, count: keys.count * 2)
        numbers = Array(repeating: 0, count: numbers.count * 2)
        shift -= 1
        count = 0
        for (key, number) in taken { _ = self.number(of: key, new: number) }
    }
}
