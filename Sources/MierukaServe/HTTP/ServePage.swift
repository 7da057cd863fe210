import MierukaDiagnostics
import MierukaRender

/// What `serve` adds to the HTML it sends, and its own pages. Nothing of this is ever written to
/// a file: the served folder holds exactly what `mieruka build` writes.
///
/// While a build has errors, every page is sent as it was last built without errors, with the
/// errors laid over it. An overlay rather than an error page in its place, because the page keeps
/// working underneath (its links, its text, for comparison) and can be closed, while the errors
/// still cannot be missed: they are on every page reloaded, and every open page reloads as soon
/// as the build fails, and again when it is fixed.
enum ServePage {
    /// The script that reloads the page when the server reports a new generation.
    static func reloadScript(generation: String) -> String {
        """
        <script data-mieruka-serve>/* mieruka serve: reloads the page after each rebuild (never in a built site) */
        (function(){var g="\(HTMLEscaping.escaped(generation))";if(!window.EventSource)return;var s=new EventSource("\(RequestPath.eventsPath)");\
        function c(e){if(e.data!==g){s.close();location.reload();}}s.addEventListener("hello",c);s.addEventListener("reload",c);})();
        </script>

        """
    }

    /// The page's HTML with the reload script, and the errors over it when there are.
    static func inject(into html: [UInt8], generation: String, failure: Diagnostics?) -> [UInt8] {
        var addition = ""
        if let failure { addition += overlay(failure) }
        addition += reloadScript(generation: generation)
        let insertion = Array(addition.utf8)
        guard let index = lastBodyClose(in: html) else { return html + insertion }
        var result = [UInt8]()
        result.reserveCapacity(html.count + insertion.count)
        result.append(contentsOf: html[..<index])
        result.append(contentsOf: insertion)
        result.append(contentsOf: html[index...])
        return result
    }

    /// Where the last `</body>` starts (any case).
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            var matches = true
            for offset in 0..<tag.count {
                var byte = html[index + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != tag[offset] {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    /// The errors, over the page.
    static func overlay(_ diagnostics: Diagnostics) -> String {
        """
        <div id="mieruka-serve-errors" role="alert" style="position:fixed;top:1rem;left:1rem;right:1rem;\
        z-index:2147483647;max-height:calc(100vh - 2rem);overflow:auto;margin:0;text-align:left">
        \(panel(diagnostics, closable: true))</div>

        """
    }

    /// The errors as a page of their own: /__mieruka/errors, and every page while no build has
    /// succeeded yet.
    static func errorPage(_ diagnostics: Diagnostics?, generation: String, building: Bool = false) -> [UInt8] {
        let body =
            diagnostics.map { panel($0, closable: false) }
            ?? (building
                ? """
                <div style="max-width:60rem;margin:2rem auto;font:16px/1.6 system-ui,sans-serif">\
                <h1 style="font-size:1.25rem">サイトを作っています…</h1><p lang="en">Building the site: \
                this page reloads by itself when it is ready.</p></div>
                """
                : """
                <div style="max-width:60rem;margin:2rem auto;font:16px/1.6 system-ui,sans-serif">\
                <h1 style="font-size:1.25rem">エラーはありません</h1><p lang="en">No errors: the last build succeeded.</p></div>
                """)
        let html = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(diagnostics != nil ? "サイトを作れませんでした" : building ? "作成中" : "エラーなし") | mieruka serve</title>
            </head>
            <body style="margin:0;padding:1rem;background:#eee">
            \(body)
            \(reloadScript(generation: generation))</body>
            </html>

            """
        return Array(html.utf8)
    }

    static func panel(_ diagnostics: Diagnostics, closable: Bool) -> String {
        let formatter = DiagnosticFormatter()
        let items = diagnostics.sorted.map { diagnostic in
            let color = diagnostic.severity == .error ? "#b00020" : "#7a4d00"
            return """
                <li style="margin:0 0 .75rem"><pre style="margin:0;white-space:pre-wrap;overflow-wrap:anywhere;\
                font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:\(color)">\
                \(HTMLEscaping.escaped(formatter.format(diagnostic)))</pre></li>
                """
        }.joined(separator: "\n")
        let close =
            closable
            ? """
            <button type="button" onclick="this.closest('#mieruka-serve-errors').remove()" \
            style="margin-top:.5rem;font:inherit;padding:.25rem 1rem;cursor:pointer">閉じる（Close）</button>
            """ : ""
        return """
            <div style="max-width:60rem;margin:0 auto;background:#fff;color:#111;border-top:.5rem solid #b00020;\
            padding:1.25rem 1.5rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.4);font:16px/1.6 system-ui,sans-serif">
            <h1 style="margin:0 0 .5rem;font-size:1.25rem;color:#b00020">サイトを作れませんでした（\(HTMLEscaping.escaped(formatter.summary(diagnostics)))）</h1>
            <p style="margin:0 0 1rem">ファイルを直して保存すると、このページは自動で更新されます。\
            表示中のページは、最後に正しく作れたときのものです。<br><span lang="en">Mieruka could not build the site. \
            Fix the files and save: the page reloads by itself. The pages shown are those of the last build without errors.</span></p>
            <ol style="margin:0;padding-left:1.5rem">
            \(items)
            </ol>
            \(close)
            </div>
            """
    }
}
