/// The numbers of the Japanese tokens the search index has met, by the token's one or two
/// characters packed into one integer (`SearchTokenizer.Key.japanese`).
///
/// A hash table with open addressing: a key's place is its top bits after a multiplication by a
/// large odd constant, and a taken place passes the search on to the next. A `Dictionary` hashes
/// each key with SipHash, which cost more than all else of recording a token of an item's text;
/// these keys are not chosen by an attacker (the table lives for one build of the site's own
/// text), so a simple hash serves.
struct PackedTokenNumbers {
    /// A place: its key, and the key's number + 1 (0 where no key is).
    private struct Slot {
        var key: UInt64 = 0
        var number = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var count = 0
    /// 64 − log2 of the number of places.
    private var shift: UInt64 = 64 - 10

    /// The number of `key`; `new` when the key is met for the first time, and kept for it.
    @inline(__always)
    mutating func number(of key: UInt64, new: Int) -> Int {
        // At most half the places are taken, so that a search ends soon.
        if count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var place = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[place]
            if slot.number == 0 { break }
            if slot.key == key { return slot.number - 1 }
            place = (place + 1) & mask
        }
        slots[place] = Slot(key: key, number: new + 1)
        count += 1
        return new
    }

    /// Twice the places, every key put in again.
    @inline(never)
    private mutating func grow() {
        let taken = slots.filter { $0.number != 0 }
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        shift -= 1
        count = 0
        for slot in taken { _ = number(of: slot.key, new: slot.number - 1) }
    }
}
