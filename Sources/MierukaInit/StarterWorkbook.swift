import MierukaExport

/// The starter's 令和7年度 results as an Excel workbook, `seeds/gyokaku/R7.xlsx`: the sheet a reform
/// office keeps, with the values typed as staff type them in Excel — 番号 a number, 55% a
/// percentage (0.55 shown as 0%), amounts with thousands separators (#,##0), 38分 text. Mieruka
/// reads it as it reads any workbook in `seeds/`: each cell as Excel shows it.
///
/// It is written by Mieruka's own workbook writer when `init` runs (the same bytes every time),
/// not saved by Excel; its provenance is said in the starter's README.md. All values are sample data.
enum StarterWorkbook {
    static let path = "seeds/gyokaku/R7.xlsx"

    static let sheetName = "取組結果"

    static let header = [
        "年度", "番号", "取組項目", "評価", "指標", "実績値", "進捗状況", "要因", "今後の対応", "効果見込額（千円）", "効果額（千円）",
    ]

    static var rows: [[XLSXOutput.Cell]] {
        let general = "General"
        let thousands = "#,##0"
        return [
            [
                .text("令和7年度"), .number("1", format: general), .text("行政手続のオンライン化"), .text("A"),
                .text("オンラインで申請できる手続の割合"), .number("0.55", format: "0%"),
                .text("（サンプル）子育て・介護の手続を加え、25手続をオンライン化した。"), .empty, .empty,
                .number("1500", format: thousands), .number("2100", format: thousands),
            ],
            [
                .text("令和7年度"), .number("2", format: general), .text("窓口の待ち時間の短縮"), .text("B"),
                .text("繁忙期の平均待ち時間"), .text("38分"), .text("（サンプル）予約制を本格実施した。"),
            ],
            [
                .text("令和7年度"), .number("3", format: general), .text("公共施設の使用料の見直し"), .text("B"), .empty, .empty,
                .text("（サンプル）見直し後の使用料で運用した。"), .empty, .empty,
                .number("3000", format: thousands), .number("3100", format: thousands),
            ],
        ]
    }

    static func bytes() throws(XLSXOutput.Failure) -> [UInt8] {
        try XLSXOutput(sheetName: sheetName, header: header, rows: rows).bytes()
    }
}
