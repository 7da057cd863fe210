import MierukaModel

/// An item's results and its results at points within a year (`as_of:`), in time order (a year's
/// end after its points), as the item's page shows them, read where they are: a result is a large
/// value, and copying each one for every text read from it cost more than reading the texts.
struct SearchResultOrder {
    /// Each result in order: whether it is one of the item's snapshots, and its place in its list.
    private let order: [(snapshot: Bool, index: Int)]

    init(_ item: Item) {
        typealias Entry = (year: FiscalYear, point: Int, snapshot: Bool, index: Int)
        var entries: [Entry] = []
        entries.reserveCapacity(item.results.count + item.snapshots.count)
        for index in item.results.indices {
            entries.append((item.results[index].year, DeclaredYear.pointOrder(item.results[index].asOf), false, index))
        }
        for index in item.snapshots.indices {
            entries.append((item.snapshots[index].year, DeclaredYear.pointOrder(item.snapshots[index].asOf), true, index))
        }
        order = entries.sorted { ($0.year, $0.point) < ($1.year, $1.point) }.map { ($0.snapshot, $0.index) }
    }

    /// Calls `body` with each of `item`'s results in order (the item this order was made of).
    func forEach(in item: Item, _ body: (YearResult) -> Void) {
        item.results.withUnsafeBufferPointer { results in
            item.snapshots.withUnsafeBufferPointer { snapshots in
                for (snapshot, index) in order {
                    if snapshot { body(snapshots[index]) } else { body(results[index]) }
                }
            }
        }
    }
}
