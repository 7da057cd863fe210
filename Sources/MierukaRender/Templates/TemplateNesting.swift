/// How deeply templates may nest sections, inverted sections, parents, blocks and partials inside
/// one another: within one template (checked when it is read) and through the partials and parents
/// a page includes (checked when it is compiled). Real templates use a handful of levels; the
/// limit keeps a runaway template (a closing tag written as an opening one, a generated file) an
/// error with a location instead of a crash: parsing, compiling and rendering all recurse once per
/// level, and each level costs a few KiB of a thread's stack in a debug build.
enum TemplateNesting {
    static let maximumDepth = 100

    static func message(_ what: String) -> String {
        "\(what) nested more than \(maximumDepth) deep"
    }

    static let hint =
        "a page needs only a few levels of {{#section}}, {{<parent}}, {{$block}} and {{>partial}}; "
        + "look for a closing tag {{/name}} written as an opening one, or split the template into partials used one after another"
}
