import MierukaExport
import MierukaModel
import MierukaSite

extension ViewBuilder {
    func datasetPage(_ page: PlannedPage, _ planIndex: PlanIndex) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let config = index.config
        let datasets = PlanDatasets(planIndex: planIndex, links: ExportLinks(baseURL: config.baseURL), settings: config.data)
        let format = PlanFormatter(plan: plan)
        let tables = datasets.tables.map { table in
            DatasetTableView(
                id: table.name, title: table.title, summary: table.summary, fileName: PlanDatasets.csvFile(table),
                url: links.href(SiteRoutes.dataFile(plan.slug, PlanDatasets.csvFile(table))),
                shiftJISURL: config.data.shiftJISCopies
                    ? links.href(SiteRoutes.dataFile(plan.slug, PlanDatasets.shiftJISFile(table))) : nil,
                workbookFileName: PlanDatasets.workbookFile(table),
                workbookURL: links.href(SiteRoutes.dataFile(plan.slug, PlanDatasets.workbookFile(table))),
                rowCount: "\(table.rowCount)行",
                columns: table.columns.enumerated().map { offset, column in
                    DatasetColumnView(
                        number: String(offset + 1), name: column.header, type: column.type.rawValue,
                        required: column.required ? "必須" : "", meaning: column.meaning)
                })
        }
        let credit = config.publisher.map { "\($0)、" } ?? ""
        let title = "\(format.fullTitle)のオープンデータ"
        let view = DatasetPageView(
            plan: planHeader(planIndex), title: title, license: config.data.license, licenseURL: config.data.licenseURL,
            attribution: "出典：\(credit)「\(format.fullTitle)」のデータ（\(links.canonical(page.route) ?? links.href(page.route))）",
            tables: tables, jsonURL: links.href(SiteRoutes.dataFile(plan.slug, PlanDatasets.jsonFile)),
            // items[].snapshots[] only for a plan with results at points within a year, as in its file.
            jsonFields: PlanDatasets.jsonGuide.filter { field in
                switch field.key {
                case "items[].snapshots[]": plan.items.contains { !$0.snapshots.isEmpty }
                case "years[].published_at_points[]": planIndex.years.contains { !plan.otherSnapshots(in: $0).isEmpty }
                // years[].axes[] only for a plan with status axes, as in its file.
                case "years[].axes[]": !plan.axes.isEmpty
                // A published number of 細目 and a printed previous grade only for a plan that gives them.
                case "items[].subitem_count": plan.items.contains { $0.publishedSubitemCount != nil }
                case "items[].results[].previous_grade":
                    plan.items.contains { ($0.results + $0.snapshots).contains { $0.previousGrade != nil } }
                // Moves of scheduled years and 整理番号 only for a plan whose revisions write them.
                case "revisions[].rescheduled[]": plan.revisions.hasMoves || plan.revisions.hasReferenceNumbers
                // The report's own heading over its states, and rates printed beside published
                // counts, only for a plan that writes them.
                case "states_heading":
                    plan.statesHeading != Plan.defaultStatesHeading
                        || plan.axes.contains { $0.statesHeading != Plan.defaultStatesHeading }
                case "years[].published.grade_rates・total_rate":
                    plan.declared.contains { declared in
                        declared.gradeRates != nil || declared.axes.values.contains { $0.gradeRates != nil }
                    }
                default: true
                }
            }.enumerated().map { offset, field in
                DatasetColumnView(
                    number: String(offset + 1), name: field.key, type: field.type, required: "", meaning: field.meaning)
            },
            feedURL: config.baseURL.absolute("") == nil ? nil : links.href(SiteRoutes.feed(plan.slug)),
            hasShiftJIS: config.data.shiftJISCopies)
        return (
            meta(
                page, title: title, description: "\(format.fullTitle)の取組項目・成果指標・年度別結果のデータ（CSV・Excel・JSON）と項目定義",
                trail: [planCrumb(planIndex)], kind: "dataset", plan: planIndex),
            view
        )
    }
}
