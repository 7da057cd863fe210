import MierukaModel
import Testing

/// How two years' grades compare: a rise or a fall only on a scale the plan ranks.
@Suite struct YearComparisonTests {
    @Test func aRankedScaleRisesAndFalls() {
        #expect(YearComparison.direction(from: (1, nil), to: (0, nil), ranked: true) == .rose)
        #expect(YearComparison.direction(from: (0, nil), to: (2, nil), ranked: true) == .fell)
        #expect(YearComparison.direction(from: (1, nil), to: (1, nil), ranked: true) == .same)
    }

    @Test func aScaleWithoutAnOrderOnlyChanges() {
        #expect(YearComparison.direction(from: (1, nil), to: (0, nil), ranked: false) == .changed)
        #expect(YearComparison.direction(from: (0, nil), to: (2, nil), ranked: false) == .changed)
        #expect(YearComparison.direction(from: (2, nil), to: (2, nil), ranked: false) == .same)
    }

    @Test func aStateIsNeverARiseOrAFall() {
        #expect(YearComparison.direction(from: (0, nil), to: (nil, 0), ranked: true) == .changed)
        #expect(YearComparison.direction(from: (nil, 0), to: (3, nil), ranked: true) == .changed)
        #expect(YearComparison.direction(from: (nil, 0), to: (nil, 1), ranked: true) == .changed)
        #expect(YearComparison.direction(from: (nil, 1), to: (nil, 1), ranked: true) == .same)
    }

    @Test func differencesAreThisYearMinusThePrevious() {
        #expect(YearComparison.differences([1, 1, 2, 0], previous: [1, 2, 2, 0]) == [0, -1, 0, 0])
    }
}
