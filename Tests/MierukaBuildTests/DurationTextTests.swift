import MierukaBuild
import Testing

/// One way to print a duration, for every command.
@Suite struct DurationTextTests {
    @Test func secondsAreRoundedToTheDecimalsAsked() {
        #expect(DurationText.seconds(0.095) == "0.10 s")
        #expect(DurationText.seconds(4.2249) == "4.22 s")
        #expect(DurationText.seconds(12.005, decimals: 3) == "12.005 s")
        #expect(DurationText.seconds(0.0004, decimals: 3) == "0.000 s")
        #expect(DurationText.seconds(1.5, decimals: 0) == "2 s")
    }

    @Test func serveSaysMillisecondsUnderASecond() {
        #expect(DurationText.brief(0.0144) == "14 ms")
        #expect(DurationText.brief(1.234) == "1.23 s")
    }

    @Test func stagesAreAlignedOneALine() {
        #expect(DurationText.stages([("load", 0.0123), ("render", 1.5)]) == "  load    0.012 s\n  render  1.500 s")
    }
}
