/// What a workbook holds around its sheets: the sheets' names and parts, the shared strings, the
/// cell styles' number formats and the date system. Read from the package's parts as Excel,
/// LibreOffice and openpyxl write them (the parts' names are found through the relationships, not
/// assumed).
struct XLSXWorkbook {
    struct Sheet: Equatable {
        enum Visibility: Equatable {
            case visible
            /// Hidden from the sheet tabs (右クリック →「非表示」), or hidden by a macro (veryHidden).
            case hidden
        }

        let name: String
        let visibility: Visibility
        /// The part holding its cells ("xl/worksheets/sheet1.xml"); nil for a chart sheet.
        let part: String?
    }

    enum Failure: Error, Equatable {
        case package(XLSXPackage.Failure)
        /// A part is not well-formed XML.
        case xml(part: String, XMLPullParser.Failure)
        /// The package is a ZIP, but not a workbook (a .docx, a .zip renamed).
        case notWorkbook
    }

    let sheets: [Sheet]
    /// The workbook counts dates from 1904 (Excel for Mac's old default) rather than 1900.
    let date1904: Bool
    let sharedStrings: [String]
    /// The number format code of each cell style (the `s` attribute of a cell), by index.
    let formats: [XLSXNumberFormat]
    let package: XLSXPackage

    init(_ package: XLSXPackage) throws(Failure) {
        self.package = package
        let workbookPart = try Self.officeDocument(package) ?? "xl/workbook.xml"
        guard let workbookBytes = try Self.part(package, workbookPart) else { throw .notWorkbook }
        let relationships = try Self.relationships(package, of: workbookPart)

        var sheets: [Sheet] = []
        var date1904 = false
        try Self.parse(workbookBytes, part: workbookPart) { event in
            guard case .start(let name, let attributes) = event else { return }
            switch name {
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                date1904 = value == "1" || value == "true"
            case "sheet":
                let state = attributes["state"] ?? "visible"
                let target = attributes["id"].flatMap { relationships[$0] }
                sheets.append(
                    Sheet(
                        name: attributes["name"] ?? "",
                        visibility: state == "visible" ? .visible : .hidden,
                        part: target?.type.hasSuffix("/worksheet") == true ? target?.part : nil))
            default: break
            }
        }
        self.sheets = sheets
        self.date1904 = date1904

        var strings: [String] = []
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") }),
            let bytes = try Self.part(package, shared.part)
        {
            strings = try Self.sharedStrings(bytes, part: shared.part)
        }
        sharedStrings = strings
        var formats: [XLSXNumberFormat] = []
        if let styles = relationships.values.first(where: { $0.type.hasSuffix("/styles") }),
            let bytes = try Self.part(package, styles.part)
        {
            formats = try Self.cellFormats(bytes, part: styles.part)
        }
        self.formats = formats
    }

    /// The number format of a cell style; General for a cell without a style or an unknown one.
    func format(style: Int) -> XLSXNumberFormat {
        style >= 0 && style < formats.count ? formats[style] : .general
    }

    // MARK: - Parts

    /// Calls `handle` for each event of a part's XML.
    static func parse(
        _ bytes: [UInt8], part: String, _ handle: (XMLPullParser.Event) throws(Failure) -> Void
    ) throws(Failure) {
        var parser = XMLPullParser(bytes)
        while true {
            let event: XMLPullParser.Event?
            do {
                event = try parser.next()
            } catch {
                throw .xml(part: part, error)
            }
            guard let event else { return }
            try handle(event)
        }
    }

    static func part(_ package: XLSXPackage, _ name: String) throws(Failure) -> [UInt8]? {
        do {
            return try package.part(name)
        } catch {
            throw .package(error)
        }
    }

    /// The workbook part named by the package's relationships (`_rels/.rels`).
    static func officeDocument(_ package: XLSXPackage) throws(Failure) -> String? {
        guard let bytes = try part(package, "_rels/.rels") else { return nil }
        var target: String?
        try parse(bytes, part: "_rels/.rels") { event in
            guard case .start("Relationship", let attributes) = event,
                attributes["Type"]?.hasSuffix("/officeDocument") == true, let path = attributes["Target"]
            else { return }
            target = target ?? resolve(path, from: "")
        }
        return target
    }

    /// A part's relationships by id: the target part (resolved to a name in the package) and its type.
    static func relationships(
        _ package: XLSXPackage, of source: String
    ) throws(Failure) -> [String: (part: String, type: String)] {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = source.split(separator: "/").last.map(String.init) ?? source
        let name = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels"
        guard let bytes = try part(package, name) else { return [:] }
        var relationships: [String: (part: String, type: String)] = [:]
        try parse(bytes, part: name) { event in
            guard case .start("Relationship", let attributes) = event, let id = attributes["Id"],
                let target = attributes["Target"], attributes["TargetMode"] != "External"
            else { return }
            relationships[id] = (resolve(target, from: folder), attributes["Type"] ?? "")
        }
        return relationships
    }

    /// A relationship's target as a part name: "worksheets/sheet1.xml" from "xl" is
    /// "xl/worksheets/sheet1.xml"; "/xl/…" is from the package's root; ".." goes up.
    static func resolve(_ target: String, from folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// The shared strings, in order: each `<si>`'s text, its rich-text runs joined, without the
    /// phonetic guide (ふりがな, `<rPh>`) Japanese Excel stores beside the text.
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(Failure) -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        try parse(bytes, part: part) { event in
            switch event {
            case .start("si", _):
                inItem = true
                current = ""
            case .end("si"):
                inItem = false
                strings.append(XLSXText.unescaped(current))
            case .start("rPh", _), .start("phoneticPr", _): phoneticDepth += 1
            case .end("rPh"), .end("phoneticPr"): phoneticDepth -= 1
            case .start("t", _): inText = true
            case .end("t"): inText = false
            case .text(let text) where inItem && inText && phoneticDepth == 0: current += text
            default: break
            }
        }
        return strings
    }

    /// The number format of each cell style (`<cellXfs>`), with the workbook's own formats (`<numFmts>`).
    static func cellFormats(_ bytes: [UInt8], part: String) throws(Failure) -> [XLSXNumberFormat] {
        var custom: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false
        try parse(bytes, part: part) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    custom[id] = code
                }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes) where inCellXfs:
                formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        return formatIDs.map { id in
            XLSXNumberFormat(code: custom[id] ?? XLSXNumberFormat.builtIn(id) ?? "General")
        }
    }
}
