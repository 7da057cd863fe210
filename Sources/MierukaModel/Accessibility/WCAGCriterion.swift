/// A success criterion of WCAG 2.1 (JIS X 8341-3:2016 numbers them the same), with its level and
/// its name in the Japanese translation, for the test-results page.
package struct WCAGCriterion: Sendable, Hashable {
    package let number: String
    package let level: WCAGLevel
    package let name: String

    init(_ number: String, _ level: WCAGLevel, _ name: String) {
        self.number = number
        self.level = level
        self.name = name
    }

    /// The criteria of levels A and AA, in order.
    package static let all: [WCAGCriterion] = [
        .init("1.1.1", .a, "非テキストコンテンツ"),
        .init("1.2.1", .a, "音声のみ及び映像のみ（収録済）"),
        .init("1.2.2", .a, "キャプション（収録済）"),
        .init("1.2.3", .a, "音声解説、又はメディアに対する代替（収録済）"),
        .init("1.2.4", .aa, "キャプション（ライブ）"),
        .init("1.2.5", .aa, "音声解説（収録済）"),
        .init("1.3.1", .a, "情報及び関係性"),
        .init("1.3.2", .a, "意味のある順序"),
        .init("1.3.3", .a, "感覚的な特徴"),
        .init("1.3.4", .aa, "表示の向き"),
        .init("1.3.5", .aa, "入力目的の特定"),
        .init("1.4.1", .a, "色の使用"),
        .init("1.4.2", .a, "音声の制御"),
        .init("1.4.3", .aa, "コントラスト（最低限）"),
        .init("1.4.4", .aa, "テキストのサイズ変更"),
        .init("1.4.5", .aa, "文字画像"),
        .init("1.4.10", .aa, "リフロー"),
        .init("1.4.11", .aa, "非テキストのコントラスト"),
        .init("1.4.12", .aa, "テキストの間隔"),
        .init("1.4.13", .aa, "ホバー又はフォーカスで表示されるコンテンツ"),
        .init("2.1.1", .a, "キーボード"),
        .init("2.1.2", .a, "キーボードトラップなし"),
        .init("2.1.4", .a, "文字キーのショートカット"),
        .init("2.2.1", .a, "タイミング調整可能"),
        .init("2.2.2", .a, "一時停止、停止、非表示"),
        .init("2.3.1", .a, "3回の閃光、又は閾値以下"),
        .init("2.4.1", .a, "ブロックスキップ"),
        .init("2.4.2", .a, "ページタイトル"),
        .init("2.4.3", .a, "フォーカス順序"),
        .init("2.4.4", .a, "リンクの目的（コンテキスト内）"),
        .init("2.4.5", .aa, "複数の手段"),
        .init("2.4.6", .aa, "見出し及びラベル"),
        .init("2.4.7", .aa, "フォーカスの可視化"),
        .init("2.5.1", .a, "ポインタのジェスチャ"),
        .init("2.5.2", .a, "ポインタのキャンセル"),
        .init("2.5.3", .a, "ラベルを含む名前"),
        .init("2.5.4", .a, "動きによる起動"),
        .init("3.1.1", .a, "ページの言語"),
        .init("3.1.2", .aa, "一部分の言語"),
        .init("3.2.1", .a, "フォーカス時"),
        .init("3.2.2", .a, "入力時"),
        .init("3.2.3", .aa, "一貫したナビゲーション"),
        .init("3.2.4", .aa, "一貫した識別性"),
        .init("3.3.1", .a, "エラーの特定"),
        .init("3.3.2", .a, "ラベル又は説明"),
        .init("3.3.3", .aa, "エラー修正の提案"),
        .init("3.3.4", .aa, "エラー回避（法的、金融、データ）"),
        .init("4.1.1", .a, "構文解析"),
        .init("4.1.2", .a, "名前（name）・役割（role）及び値（value）"),
        .init("4.1.3", .aa, "ステータスメッセージ"),
    ]

    /// The criterion of an axe tag: "wcag143" is 1.4.3, "wcag1410" 1.4.10; level tags ("wcag2aa") are none.
    package static func number(ofTag tag: String) -> String? {
        guard tag.hasPrefix("wcag") else { return nil }
        let digits = tag.dropFirst(4)
        guard digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let principle = digits.prefix(1)
        let guideline = digits.dropFirst().prefix(1)
        let criterion = digits.dropFirst(2)
        return "\(principle).\(guideline).\(criterion)"
    }
}
