// mustache-spec FOLDER: runs every case of the Mustache specification files (*.yml) in FOLDER
// through Mieruka's template engine and prints, per file and in total,
// "N passed, M failed, K not supported", with the name of each case that failed or is not
// supported and why. Exit status: 0 when none failed, 1 when some did, 2 on misuse.
// A development tool (scripts/mustache-spec.sh), not part of the `mieruka` product.
import Foundation
import MustacheSpec

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: mustache-spec SPEC-FOLDER (the specs/ folder of github.com/mustache/spec)\n".utf8))
    exit(2)
}
let names: [String]
do {
    names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yml") }.sorted()
} catch {
    FileHandle.standardError.write(Data("mustache-spec: cannot read the folder \(folder): \(error.localizedDescription)\n".utf8))
    exit(2)
}
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("mustache-spec: no .yml files in \(folder)\n".utf8))
    exit(2)
}

func summary(_ passed: Int, _ failed: Int, _ unsupported: Int) -> String {
    "\(passed) passed, \(failed) failed, \(unsupported) not supported"
}

var totals = (passed: 0, failed: 0, unsupported: 0)
var details: [String] = []
for name in names {
    let path = (folder as NSString).appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("mustache-spec: cannot read \(path) as UTF-8\n".utf8))
        exit(2)
    }
    let cases: [SpecCase]
    switch SpecRunner.cases(inYAML: text, file: path) {
    case .success(let found): cases = found
    case .failure(let error):
        FileHandle.standardError.write(Data("mustache-spec: \(error.message)\n".utf8))
        exit(2)
    }
    var counts = (passed: 0, failed: 0, unsupported: 0)
    for specCase in cases {
        switch SpecRunner.run(specCase) {
        case .passed:
            counts.passed += 1
        case .failed(let why):
            counts.failed += 1
            details.append("FAILED \(name) \"\(specCase.name)\": \(why)")
        case .notSupported(let why):
            counts.unsupported += 1
            details.append("not supported \(name) \"\(specCase.name)\": \(why)")
        }
    }
    print("\(name): \(summary(counts.passed, counts.failed, counts.unsupported))")
    totals.passed += counts.passed
    totals.failed += counts.failed
    totals.unsupported += counts.unsupported
}
for line in details { print(line) }
print(summary(totals.passed, totals.failed, totals.unsupported))
exit(totals.failed == 0 ? 0 : 1)
