/// What a build did to its output, by path relative to the output folder, each list sorted:
/// the files it wrote (new or changed), those it left as they were (bytes and modification time),
/// and those it removed because they are no longer made. The output's marker file is in none.
package struct WriteSummary: Sendable, Equatable {
    package var written: [String]
    package var unchanged: [String]
    package var removed: [String]

    package init(written: [String] = [], unchanged: [String] = [], removed: [String] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
    }
}
