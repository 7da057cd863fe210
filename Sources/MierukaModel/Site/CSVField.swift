/// What a column of a results CSV holds, with the headers a city would give it: one list for
/// reading results sheets (MierukaSource) and for writing `results.csv` so that it reads back the
/// same (MierukaExport).
///
/// Each field has one English key (used in `mieruka.yml` and accepted as a header) and the Japanese
/// headers found in cities' progress sheets. Headers are compared after folding full-width letters,
/// dropping spaces, line breaks, `_`, `-` and `.`, and ignoring case: 「Ｎｏ．」, "No" and "no" are one.
package enum CSVField: String, Sendable, Hashable, CaseIterable {
    case plan
    case year
    /// 和暦年度 beside a Western 年度 (as exports write it): compared with 年度; the year when alone.
    case eraYear = "era_year"
    case number
    case title
    case grade
    /// 評価の内容: what the grade's code means; only compared with the plan's scale.
    case gradeLabel = "grade_label"
    case progress
    case factors
    case nextSteps = "next_steps"
    case kpi
    /// 指標ID: names the KPI by its id; 指標 is then only compared with its name.
    case kpiID = "kpi_id"
    /// 単位: the unit of 実績値; compared with the KPI's unit.
    case unit
    case actual
    case actualText = "actual_text"
    case kpiGrade = "kpi_grade"
    case target
    case effectExpected = "effect_expected"
    case effectActual = "effect_actual"
    /// 効果額の種類: how the row's 効果見込額 and 効果額 are counted, 単年度 or 継続 (`kind:`).
    case effectKind = "effect_kind"
    /// 細目番号: the row's cells 細目名, 細目の評価 and 細目の進捗状況 are for this sub-item of the
    /// row's item. Never repeated from the row above: a row without one is about the item alone.
    case subitem
    /// 細目名: compared with the sub-item's title, never shown (as 取組項目 is with the item's).
    case subitemTitle = "subitem_title"
    case subitemGrade = "subitem_grade"
    case subitemProgress = "subitem_progress"
    /// 評価者: who gave the row's item its 評価, when the report says so for that item (else the
    /// plan's `graded_by:` holds). An axis's grader is the column 「<axis>の評価者」.
    case gradedBy = "graded_by"
    /// 評価を読み取れない理由: the report grades the item that year, but the grade could not be read
    /// (a cut-off copy); the transcriber's reason, in place of 評価 (`grade_unreadable:` in YAML).
    case gradeUnreadable = "grade_unreadable"
    /// 時点: the point within the year the row's result stands at (「8月末」); empty or 「年度末」 for
    /// the year's end. Rows at different points of a year are different results.
    case point = "as_of"
    /// 評価の方法: how the row's item's 評価 was reached, in the report's words (委員個々の評価を平均化).
    /// An axis's is the column 「<axis>の評価の方法」.
    case grading
    /// 委員ごとの評価: the members' own grades behind the item's 評価, 「B、C、C」 or 「A委員：B、B委員：C」;
    /// never counted. An axis's is the column 「<axis>の委員ごとの評価」.
    case memberGrades = "member_grades"
    /// 確定前の値の区分: the row's KPI actual is provisional, in the report's word (見込み, 速報値).
    case provisional
    /// 確定前の値の時点: the date or point the provisional actual stands at.
    case provisionalAsOf = "provisional_as_of"
    /// 確定前の値の注記: what the report says of the provisional actual's confirmation.
    case provisionalNote = "provisional_note"
    /// 前年度評価: the previous year's grade the report prints beside the item, as printed (never counted).
    case previousGrade = "previous_grade"
    /// A column the site keeps in its sheet but Mieruka does not read (担当課, 備考 …): only by config.
    case ignore

    /// The English key, as written in `mieruka.yml`.
    package var key: String { rawValue }

    /// The built-in headers, the Japanese ones first; the first is the one used in messages.
    package var headers: [String] {
        switch self {
        case .plan: ["計画", "plan"]
        case .year: ["年度", "対象年度", "year"]
        case .eraYear: ["和暦年度", "年度（和暦）", "和暦", "era_year"]
        case .number: ["番号", "No", "№", "項目番号", "取組番号", "number"]
        case .title: ["取組項目", "項目名", "取組名", "取組項目名", "title"]
        case .grade: ["評価", "進捗評価", "grade"]
        case .gradeLabel: ["評価の内容", "評価区分", "評価の意味", "grade_label"]
        case .progress: ["進捗状況", "取組状況", "progress"]
        case .factors: ["要因", "要因分析", "factors"]
        case .nextSteps: ["今後の対応", "今後の取組", "今後の方向性", "next_steps"]
        case .kpi: ["指標", "指標名", "成果指標", "KPI"]
        case .kpiID: ["指標ID", "指標コード", "kpi_id"]
        case .unit: ["単位", "実績値の単位", "unit"]
        case .actual: ["実績値", "指標の実績値", "actual"]
        case .actualText: ["実績値の表記", "表記", "actual_text"]
        case .kpiGrade: ["指標の評価", "指標評価", "kpi_grade"]
        case .target: ["目標値", "指標の目標値", "target"]
        case .effectExpected: ["効果見込額", "財政効果見込額", "見込額", "effect_expected"]
        case .effectActual: ["効果額", "実績効果額", "財政効果額", "effect_actual"]
        case .effectKind: ["効果額の種類", "効果の種類", "effect_kind"]
        case .subitem: ["細目番号", "細目No", "subitem"]
        case .subitemTitle: ["細目名", "細目の名称", "subitem_title"]
        case .subitemGrade: ["細目の評価", "細目評価", "subitem_grade"]
        case .subitemProgress: ["細目の進捗状況", "細目の取組状況", "subitem_progress"]
        case .gradedBy: ["評価者", "graded_by"]
        case .gradeUnreadable: ["評価を読み取れない理由", "評価が読み取れない理由", "grade_unreadable"]
        case .point: ["時点", "as_of"]
        case .grading: ["評価の方法", "grading"]
        case .memberGrades: ["委員ごとの評価", "member_grades"]
        case .provisional: ["確定前の値の区分", "provisional"]
        case .provisionalAsOf: ["確定前の値の時点", "provisional_as_of"]
        case .provisionalNote: ["確定前の値の注記", "provisional_note"]
        case .previousGrade: ["前年度評価", "前年度の評価", "previous_grade"]
        case .ignore: ["ignore"]
        }
    }

    /// The header shown in messages and hints (「評価」).
    package var displayName: String { headers[0] }

    /// Every built-in header, reduced by `normalizedHeader`: a results sheet reads a column so
    /// headed as that field, never as a status axis of the same name (so the export heads such an
    /// axis's column otherwise).
    package static let builtInHeaders: Set<String> = Set(allCases.flatMap(\.headers).map(normalizedHeader))

    /// The field for a key or a built-in header as written in `mieruka.yml` ("effect_actual", "効果額").
    package static func named(_ name: String) -> CSVField? {
        let wanted = normalizedHeader(name)
        return allCases.first { field in field.headers.contains { normalizedHeader($0) == wanted } }
    }

    /// A header reduced to what identifies it: full-width folded, lowercased, without spaces, line
    /// breaks, `_`, `-`, `.` and `・`.
    package static func normalizedHeader(_ header: String) -> String {
        let dropped: Set<Unicode.Scalar> = ["_", "-", ".", "・", "･"]
        let scalars = header.unicodeScalars.map(WidthNormalization.fold).filter {
            !$0.properties.isWhitespace && !dropped.contains($0)
        }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }
}
