import Foundation
@testable import InceptionCore
import TestScratch

/// A widget environment in a fresh temporary folder: an empty experiment cache and
/// no weights file, so widgets that run the network use the seeded stand-in and
/// experiments show their placeholder, whatever is on the machine.
struct TemporaryWidgetEnvironment {
    let root: String
    let cache: ExperimentCache
    var environment: WidgetEnvironment { WidgetEnvironment(weightsPath: root + "/no-weights.safetensors", experiments: cache) }
    var registry: WidgetRegistry { WidgetRegistry.standard.with(environment: environment) }

    init() throws {
        root = try TestScratch.directory("course")
        cache = ExperimentCache(directory: root + "/cache/inception-explorer")
    }

    /// What `line` computes, or a test failure naming the diagnostic.
    func content(_ line: String) throws -> WidgetContent {
        let directive = try WidgetDirective.parse(line[...], file: "t.md", line: 1)
        switch registry.evaluate(directive) {
        case .success(let content): return content
        case .failure(let problem): throw problem
        }
    }

    func table(_ line: String) throws -> WidgetTable {
        guard case .table(let table) = try content(line) else { throw LessonDiagnosticMessage("\(line) is not a table") }
        return table
    }
}

extension WidgetTable {
    /// The row whose first cell is `name`.
    func row(_ name: String) -> [String]? { rows.first { $0.first == name } }

    /// The cell of row `name` in the column titled `column`.
    func cell(_ name: String, _ column: String) -> String? {
        guard let row = row(name), let index = columns.firstIndex(where: { $0.title == column }) else { return nil }
        return row[index]
    }
}
