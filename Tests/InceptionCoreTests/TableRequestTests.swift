import Foundation
import Testing
@testable import InceptionCore

/// Every bad input of `inception-explorer table`, at the level the command calls
/// (`TableRequest`, `TableFormat`, `WorkedExample`, `AtomicWrite`): the command
/// itself only forwards its options, and `main()` turns a `UserError` into one
/// stderr line and exit status 2.
@Suite struct TableRequestTests {
    func request(_ kind: String = "costs", preset: String? = nil, set: [String] = [], convention: String = "paper",
                 unit: String = "macs", head: String? = nil) throws -> Table {
        try TableRequest(kind: kind, preset: preset, assignments: set, convention: convention, unit: unit,
                         wholeNaive: false, head: head, example: .article).table()
    }

    func message(_ body: () throws -> Any) -> String? {
        do { _ = try body() } catch let error as UserError { return error.message } catch { return nil }
        return nil
    }

    @Test(arguments: [
        ("table", "tabel"), ("preset", "resnet"), ("convention", "thop"), ("unit", "gmacs"), ("head", "mlp"),
    ])
    func unknownNames(what: String, name: String) throws {
        let text = message {
            switch what {
            case "table": try request(name)
            case "preset": try request(preset: name)
            case "convention": try request(convention: name)
            case "unit": try request(unit: name)
            default: try request(head: name)
            }
        }
        let line = try #require(text)
        #expect(line.contains(name) && line.contains(what) && !line.contains("\n"))
    }

    @Test(arguments: [
        ("9z.n1x1=3", "9z"), ("3a.width=3", "width"), ("3a.n1x1=-1", "negative"), ("3a.n1x1=70000", "65536"),
        ("3a.n3x3red=0", "n3x3red"), ("3a.n1x1", "malformed"), ("3a=4", "malformed"), ("3a.n1x1=x", "malformed"),
    ])
    func badAssignments(text: String, named: String) throws {
        let line = try #require(message { try request(set: [text]) })
        #expect(line.contains(named))
    }

    /// Tables with JSON keys of their own still carry every row and note the text prints,
    /// each row keyed by its columns, as in the CSV.
    @Test(arguments: ["example", "sparse"])
    func ownJSONKeysKeepEveryRow(kind: String) throws {
        let table = try request(kind)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(table.rendered(as: .json).utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == table.rows.count && json["notes"] as? [String] == table.notes)
        let csv = table.rendered(as: .csv).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for (object, line) in zip(rows, csv) {
            for (column, cell) in zip(table.columns, line) where !cell.isEmpty {
                #expect("\(object[column] ?? "nil")" == cell, "\(kind) \(column)")
            }
        }
        #expect(json[kind == "example" ? "ratio" : "missed"] != nil)
    }

    @Test func moduleWithoutBranches() throws {
        let line = try #require(message {
            try request(set: ["3a.n1x1=0", "3a.n3x3=0", "3a.n5x5=0", "3a.poolproj=0"])
        })
        #expect(line.contains("no branch"))
    }

    @Test func table1OnlyForGooglenet() throws {
        #expect(message { try request("table1", preset: "tiny") } != nil)
        #expect(message { try request("table1", convention: "ptflops") } != nil)
        #expect(try request("table1").rows.count == 18)
    }

    @Test func setChangesTheCounts() throws {
        // 3a.n3x3red 8 -> 4: the reduce loses 16*4 and the 3x3 4*16*9 weights = 640.
        let table = try request(set: ["3a.n3x3red=4"])
        #expect(table.row(named: "inception_3a")?[12] == .integer(2_400 - 640))
    }

    @Test func fcHead() throws {
        let table = try request(head: "fc")
        #expect(table.column("layer").contains(.text("flatten")))
        // flatten 88*8*8 = 5,632 features -> 10: 56,320 weights.
        #expect(table.row(named: "classifier")?[12] == .integer(56_320))
    }

    @Test func unwritableOutputLeavesNoFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("table-request-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try request().rendered(as: .csv)
        let missing = directory.appendingPathComponent("no/such/dir/costs.csv").path
        #expect(throws: UserError.self) { try AtomicWrite.write(text, to: missing) }
        // A path that is an existing directory cannot be replaced by a file.
        let occupied = directory.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: false)
        #expect(FileManager.default.createFile(atPath: occupied.appendingPathComponent("x").path, contents: Data()))
        #expect(throws: UserError.self) { try AtomicWrite.write(text, to: occupied.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["occupied"])
    }
}
