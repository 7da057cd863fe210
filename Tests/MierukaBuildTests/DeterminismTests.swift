import Foundation
import MierukaTestSupport
import Testing

/// The same input gives byte-identical output, however the pages were scheduled.
@Suite struct DeterminismTests {
    @Test func twoBuildsOfTheDemoSiteAreByteIdentical() throws {
        let first = TemporaryDirectory()
        let second = TemporaryDirectory()
        let root = Fixtures.repositoryRoot
        let a = try CommandRunner.mieruka(["build", "--source", root, "--output", first.path + "/out"], in: root)
        let b = try CommandRunner.mieruka(["build", "--source", root, "--output", second.path + "/out"], in: root)
        #expect(a.status == 0, "\(a.standardError)")
        #expect(b.status == 0, "\(b.standardError)")
        let one = FileTree.snapshot(first.path + "/out")
        let two = FileTree.snapshot(second.path + "/out")
        #expect(!one.isEmpty)
        #expect(one == two)
    }

    /// One thread or many, the same bytes: nothing in the output depends on which page or plan
    /// finished first.
    @Test func theOutputIsTheSameOnOneThreadAndOnMany() throws {
        let one = TemporaryDirectory()
        let many = TemporaryDirectory()
        for (source, name) in [(Fixtures.repositoryRoot, "demo"), (Fixtures.path("base"), "base")] {
            let a = try CommandRunner.mieruka(["build", "--source", source, "--output", one.path + "/" + name, "--jobs", "1"], in: source)
            let b = try CommandRunner.mieruka(["build", "--source", source, "--output", many.path + "/" + name, "--jobs", "7"], in: source)
            #expect(a.status == 0, "\(a.standardError)")
            #expect(b.status == 0, "\(b.standardError)")
            let single = FileTree.snapshot(one.path + "/" + name)
            let parallel = FileTree.snapshot(many.path + "/" + name)
            #expect(single.count > 20)
            #expect(single.keys.sorted() == parallel.keys.sorted())
            for (path, bytes) in single.sorted(by: { $0.key < $1.key }) {
                #expect(parallel[path] == bytes, "\(name): \(path) differs between --jobs 1 and --jobs 7")
            }
        }
    }

    @Test func theDemoSitePassesCheck() throws {
        let result = try CommandRunner.mieruka(["check"], in: Fixtures.repositoryRoot)
        #expect(result.status == 0, "\(result.standardError)")
        // Only the warnings on the cities' own contradictory figures (栄町's 達成率, いわき市's
        // 18年度 累計額), which the site shows as published.
        #expect(result.standardError.contains(DemoSiteOutput.ownWarning), "\(result.standardError)")
        #expect(result.standardError.contains(DemoSiteOutput.iwakiWarning), "\(result.standardError)")
        #expect(DemoSiteOutput.beyondItsOwnWarning(result.standardError).isEmpty, "\(result.standardError)")
    }
}
