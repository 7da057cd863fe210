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

    @Test func theDemoSitePassesCheck() throws {
        let result = try CommandRunner.mieruka(["check"], in: Fixtures.repositoryRoot)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }
}
