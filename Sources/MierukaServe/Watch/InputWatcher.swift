/// What serve's rebuild thread reads changes from: the kernel's notifications (`SiteWatcher`) or,
/// where they are not available or not complete, a scan of the inputs (`PollingWatcher`).
package protocol InputWatcher: AnyObject, Sendable {
    /// Waits for changes, then for quiet; returns the batch, or nil once stopped.
    func nextBatch() -> WatchBatch?
    /// Makes `nextBatch` return nil.
    func stop()
}

/// A batch of changes to a site's inputs, handed over once the inputs have been quiet for a moment.
package struct WatchBatch: Sendable {
    /// Site-relative paths that changed ("content/plan/001.md").
    package var paths: Set<String>
    /// Changes may have been missed (the kernel dropped events): everything must be read again.
    package var overflowed: Bool

    package init(paths: Set<String> = [], overflowed: Bool = false) {
        self.paths = paths
        self.overflowed = overflowed
    }
}
