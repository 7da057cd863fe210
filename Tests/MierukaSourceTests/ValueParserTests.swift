import MierukaDiagnostics
import MierukaModel
import MierukaSource
import Testing

@Suite struct ValueParserTests {
    @Test(arguments: [
        ("平成29年度", 2017), ("H29", 2017), ("h29", 2017), ("H.29", 2017), ("R6", 2024), ("令和6年度", 2024),
        ("令和元年度", 2019), ("R元", 2019), ("平成31年度", 2019), ("2024", 2024), ("2024年度", 2024), ("２０２４", 2024),
        ("令和６年度", 2024), ("昭和63年度", 1988), ("平成29年度末", 2017), (" R6 ", 2024),
        // As pages show years in the `both` style (found by scripts/fuzz.sh values: not read back).
        ("2024（令和6）年度", 2024), ("2019(令和元)年度", 2019), ("2017（H29）", 2017),
        // 平成 past its end, as plans written before 2019 name their later years (大田原市's 平成32年度).
        ("H32", 2020), ("平成32年度", 2020), ("平成32", 2020), ("ｈ３３", 2021), ("平成60年度", 2048), ("2020（平成32）年度", 2020),
    ])
    func fiscalYears(text: String, year: Int) {
        #expect(FiscalYearParser.parse(text) == FiscalYear(year))
    }

    @Test(arguments: [
        "H61", "平成99年度", "昭和65年度", "R0", "平成", "24", "20244", "1800", "明治5", "R6.5", "", "令和六年度", "2024（令和5）年度", "（令和6）年度",
        "2024（2024）", "R6（令和6）",
    ])
    func notFiscalYears(text: String) {
        #expect(FiscalYearParser.parse(text) == nil)
    }

    @Test func fiscalYearRanges() {
        #expect(FiscalYearParser.parseRange("2020～2024") == FiscalYearRange(FiscalYear(2020), FiscalYear(2024)))
        #expect(FiscalYearParser.parseRange("R2-R6") == FiscalYearRange(FiscalYear(2020), FiscalYear(2024)))
        #expect(FiscalYearParser.parseRange("平成29年度から令和2年度まで") == FiscalYearRange(FiscalYear(2017), FiscalYear(2020)))
        #expect(FiscalYearParser.parseRange("H28～") == FiscalYearRange(FiscalYear(2016), nil))
        #expect(FiscalYearParser.parseRange("R6") == FiscalYearRange(single: FiscalYear(2024)))
        #expect(FiscalYearParser.parseRange("2024～2020") == nil)
    }

    @Test func yearsPastTheirErasEndKeepHowTheyWereWritten() throws {
        let written = try #require(FiscalYearParser.parseWritten("平成32年度"))
        #expect(written.year == FiscalYear(2020))
        #expect(written.written == WrittenEraYear(era: .heisei, eraYear: 32))
        #expect(try #require(FiscalYearParser.parseWritten("H31")).written == nil)
        #expect(try #require(FiscalYearParser.parseWritten("R2")).written == nil)

        // A span keeps the city's form and shows the year it is; it equals the span written in 令和.
        let span = try #require(FiscalYearParser.parseRange("平成28年度～平成32年度"))
        #expect(span == FiscalYearRange(FiscalYear(2016), FiscalYear(2020)))
        #expect(span.label(.wareki) == "平成28年度～平成32年度（令和2年度）")
        #expect(span.label(.western) == "2016年度～平成32年度（2020年度）")
        #expect(span.label(.both) == "2016（平成28）年度～平成32年度（令和2年度・2020年度）")
        #expect(span.writtenText == "平成28年度～平成32年度")
        #expect(try #require(FiscalYearParser.parseRange("H28～H32")).label(.wareki) == "平成28年度～平成32年度（令和2年度）")
        #expect(try #require(FiscalYearParser.parseRange("H33")).label(.wareki) == "平成33年度（令和3年度）")
        // Written in 令和, or derived by Mieruka, a span uses the standard names only.
        let standard = try #require(FiscalYearParser.parseRange("H28～R2"))
        #expect(standard.label(.wareki) == "平成28年度～令和2年度")
        #expect(standard.writtenText == nil)
        #expect(FiscalYearRange(FiscalYear(2016), FiscalYear(2020)).label(.western) == "2016～2020年度")
        // As pages show them, they read back as written.
        for style in FiscalYearStyle.allCases {
            let back = try #require(FiscalYearParser.parseRange(span.label(style)), "\(style)")
            #expect(back == span && back.label(style) == span.label(style), "\(style)")
        }
        #expect(FiscalYearParser.parse("平成32年度（令和3年度）") == nil)
        #expect(FiscalYearParser.parse("平成31年度（令和元年度）") == nil)
        // The year itself, where pages and URLs are derived from it, has one name.
        #expect(FiscalYear(2020).label(.wareki) == "令和2年度")
    }

    @Test func eraYearsBeyondWhatIsReadSayWhy() {
        #expect(FiscalYearParser.hint(for: "平成99年度").contains("平成99 is past 平成60"))
        #expect(FiscalYearParser.hint(for: "H.99").contains("平成32年度 = 令和2年度"))
        #expect(FiscalYearParser.hint(for: "明治5").hasPrefix("write a year such as"))
        #expect(FiscalYearParser.rangeHint(for: "H28～H99", general: "span").contains("平成99 is past 平成60"))
        #expect(FiscalYearParser.rangeHint(for: "H28～明治5", general: "span") == "span")
        #expect(FiscalYearParser.acceptedForms.contains("平成32年度"))
    }

    @Test func numbersAsTyped() throws {
        #expect(try #require(NumberParser.parse("１，２３４")).number == DecimalNumber(1234))
        #expect(try #require(NumberParser.parse("△2")).number == DecimalNumber(-2))
        #expect(try #require(NumberParser.parse("▲140")).number == DecimalNumber(-140))
        #expect(try #require(NumberParser.parse("−3.5")).number == DecimalNumber(units: -35, scale: 1))
        let people = try #require(NumberParser.parse("9,718人"))
        #expect(people.number == DecimalNumber(9718))
        #expect(people.suffix == "人")
        let share = try #require(NumberParser.parse("85.0%"))
        #expect(share.number == DecimalNumber(units: 850, scale: 1))
        #expect(share.suffix == "%")
        // The unit comes back as typed, in whatever width.
        #expect(try #require(NumberParser.parse("３５％")).suffix == "％")
        #expect(try #require(NumberParser.parse("３５％")).number == DecimalNumber(35))
        // Thousands separators group by three; anything else is a slip, not a number.
        #expect(try #require(NumberParser.parse("29,509,646円")).number == DecimalNumber(29_509_646))
        #expect(try #require(NumberParser.parse("1,234.5")).number == DecimalNumber(units: 12_345, scale: 1))
        #expect(try #require(NumberParser.parse("123,456")).number == DecimalNumber(123_456))
        for slip in ["1,5", "12,34", "1,00", "1,2345", "1234,567", "1,234,56", "1,23.4", "1,0000"] {
            #expect(NumberParser.parse(slip) == nil, "\(slip)")
        }
        #expect(NumberParser.parse("12.") == nil)
        #expect(NumberParser.parse("1,") == nil)
        #expect(NumberParser.parse("約340万件") == nil)
        #expect(NumberParser.parse("99999999999999999999") == nil)
        #expect(NumberParser.parseCount("43項目") == 43)
        #expect(NumberParser.parseCount("４３") == 43)
        #expect(NumberParser.parseCount("-1") == nil)
    }

    @Test func moneyAsJapaneseDocumentsWriteIt() throws {
        let here = SourceLocation(file: "t")
        func yen(_ text: String) -> Money? {
            MoneyParser.parse(text, location: here)?.money(defaultUnit: .thousandYen)
        }
        #expect(yen("107,077") == Money(yen: 107_077_000))
        #expect(yen("107,077千円") == Money(yen: 107_077_000))
        #expect(yen("36百万円") == Money(yen: 36_000_000))
        #expect(yen("28.6億円") == Money(yen: 2_860_000_000))
        #expect(yen("17億7,700万円") == Money(yen: 1_777_000_000))
        #expect(yen("40億5千万円") == Money(yen: 4_050_000_000))
        // 三田市: 「4千440万円多い」; 栄町: 「10億 780万円」 with a space inside.
        #expect(yen("4千440万円") == Money(yen: 44_400_000))
        #expect(yen("10億 780万円") == Money(yen: 1_007_800_000))
        #expect(yen("4千円5") == nil)
        #expect(yen("△2,000") == Money(yen: -2_000_000))
        #expect(yen("1.5") == Money(yen: 1_500))
        #expect(yen("0.0001") == nil)  // not a whole yen in 千円
        #expect(MoneyParser.parse("約40億円", location: here) == nil)
        #expect(MoneyParser.parse("12ドル", location: here) == nil)
    }

    @Test func compoundAmountsTakeTheirUnitsInFallingOrderAndStayWritable() {
        let here = SourceLocation(file: "t")
        #expect(MoneyParser.parse("28億7,907万5千円", location: here)?.money(defaultUnit: .yen) == Money(yen: 2_879_075_000))
        #expect(MoneyParser.parse("1兆2億円", location: here)?.money(defaultUnit: .yen) == Money(yen: 1_000_200_000_000))
        // Out of order or repeated units are a typing slip, not an amount (found by the fuzzer:
        // 0万17717000億7,700万円 was read as 1,771,700,077,000,000円, which then did not read back).
        #expect(MoneyParser.parse("7,700万17億円", location: here) == nil)
        #expect(MoneyParser.parse("0万17717000億7,700万円", location: here) == nil)
        #expect(MoneyParser.parse("5万3万円", location: here) == nil)
        #expect(MoneyParser.parse("17億-5万円", location: here) == nil)
        #expect(MoneyParser.parse("17億△5万円", location: here) == nil)
        #expect(MoneyParser.parse("△17億5万円", location: here)?.money(defaultUnit: .yen) == Money(yen: -1_700_050_000))
        // A sum past the largest number Mieruka writes is refused, not wrapped or trapped.
        #expect(MoneyParser.parse("99999999兆円", location: here) == nil)
        #expect(MoneyParser.parse("999兆9999億円", location: here) != nil)
    }

    /// 大多喜町's 「支出削減額…425万4千円の増」: an effect written as an increase reads as a negative
    /// amount and keeps its words; only effects take it, and never with a minus or as 0.
    @Test func anEffectWrittenAsAnIncreaseIsANegativeAmountWithItsWords() throws {
        let here = SourceLocation(file: "t")
        let otaki = try #require(MoneyParser.parseEffect("425万4千円の増", location: here))
        #expect(otaki.money(defaultUnit: .thousandYen) == Money(yen: -4_254_000))
        #expect(otaki.increase == "425万4千円の増")
        let inUnit = try #require(MoneyParser.parseEffect(" 4,254の増 ", location: here))
        #expect(inUnit.money(defaultUnit: .thousandYen) == Money(yen: -4_254_000))
        #expect(inUnit.increase == "4,254の増")
        // Full-width digits are read as typed, and kept as typed.
        #expect(MoneyParser.parseEffect("１００の増", location: here)?.money(defaultUnit: .thousandYen) == Money(yen: -100_000))
        // An amount without 「の増」 reads as before, with no words kept.
        let plain = try #require(MoneyParser.parseEffect("△2,000", location: here))
        #expect(plain.money(defaultUnit: .thousandYen) == Money(yen: -2_000_000))
        #expect(plain.increase == nil)
        for unreadable in ["△100の増", "▲5の増", "-5の増", "0の増", "の増", "約△100の増"] {
            #expect(MoneyParser.parseEffect(unreadable, location: here) == nil, "\(unreadable)")
        }
        #expect(MoneyParser.saysIncrease("△100の増"))
        // Elsewhere (a KPI's amount, a money table's fixed columns) 「…の増」 is not an amount.
        #expect(MoneyParser.parse("425万4千円の増", location: here) == nil)
    }

    /// 「約」 before an effect's amount (米子市's 「約49億円」 outside money tables): the figure after it,
    /// with the words kept; 「約」 alone, or twice, is not an amount.
    @Test func anApproximateEffectKeepsItsWords() throws {
        let here = SourceLocation(file: "t")
        let approximate = try #require(MoneyParser.parseEffect("約1,200千円", location: here))
        #expect(approximate.money(defaultUnit: .yen) == Money(yen: 1_200_000))
        #expect(approximate.approximate == "約1,200千円")
        let spaced = try #require(MoneyParser.parseEffect(" 約 13億円 ", location: here))
        #expect(spaced.approximate == "約 13億円")
        let increase = try #require(MoneyParser.parseEffect("約100の増", location: here))
        #expect(increase.money(defaultUnit: .thousandYen) == Money(yen: -100_000))
        #expect(increase.approximate == "約100の増")
        #expect(MoneyParser.parseEffect("1,200", location: here)?.approximate == nil)
        for unreadable in ["約", "約約100", "約百"] {
            #expect(MoneyParser.parseEffect(unreadable, location: here) == nil, "\(unreadable)")
        }
    }

    /// 相馬市's 単年度効果額 and 継続的効果額: the kind of an effect's amounts, as reports and sheets
    /// head them, in either width and with or without spaces; anything else is not a kind.
    @Test func theKindOfAnEffectAsReportsWriteIt() {
        for written in ["単年度", "単年度効果額", "単年度効果", " 単年度 ", "single_year", "single-year", "Single_Year"] {
            #expect(EffectKindParser.parse(written) == .singleYear, "\(written)")
        }
        for written in ["継続", "継続的", "継続的効果額", "継続効果額", "継続 的 効果額", "continuing", "CONTINUING"] {
            #expect(EffectKindParser.parse(written) == .continuing, "\(written)")
        }
        for unknown in ["", "単年", "累計", "継続中", "年度", "single", "複数年度", "単年度・継続"] {
            #expect(EffectKindParser.parse(unknown) == nil, "\(unknown)")
        }
        #expect(EffectKind.singleYear.label == "単年度効果額")
        #expect(EffectKind.continuing.word == "継続")
        // Kinds are listed 単年度, 継続, then amounts that say none; never an empty list.
        #expect(EffectKind.ordered([nil, .continuing, .singleYear, .continuing]) == [.singleYear, .continuing, nil])
        #expect(EffectKind.ordered([]) == [nil])
    }
}
