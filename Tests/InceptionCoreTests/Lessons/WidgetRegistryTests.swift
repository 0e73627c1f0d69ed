import Testing
@testable import InceptionCore

@Suite struct WidgetRegistryTests {
    private func directive(_ line: String) throws -> WidgetDirective {
        try WidgetDirective.parse(line[...], file: "w.md", line: 12)
    }

    private func problem(_ line: String, registry: WidgetRegistry = .standard) throws -> String? {
        let parsed = try directive(line)
        do {
            _ = try registry.validate(parsed)
            return nil
        } catch {
            #expect(error.file == "w.md" && error.line == 12)
            return error.message
        }
    }

    @Test(arguments: [
        ("::: nonsense", "unknown widget 'nonsense' (widgets: network-shapes, module-widths"),
        ("::: module-widths", "module-widths: missing argument 'module'"),
        ("::: module-widths module=3a colour=red", "module-widths: unknown argument 'colour' (arguments: preset, module)"),
        ("::: module-widths module=3a module=3b", "argument 'module' is given twice"),
        ("::: module-widths module=5b", "module=5b: no module '5b' in preset tiny (modules: 3a, 3b, 4a)"),
        ("::: module-widths preset=huge module=3a", "preset=huge: unknown preset 'huge'"),
        ("::: network-shapes naive=maybe", "naive=maybe: 'maybe' is not true or false"),
    ])
    func validationErrorsSayWhatIsWrong(line: String, expected: String) throws {
        let message = try #require(try problem(line))
        #expect(message.contains(expected), "\(message)")
    }

    @Test func moduleIsCheckedAgainstTheWidgetsOwnPreset() throws {
        #expect(try problem("::: module-widths preset=googlenet module=5b") == nil)
        #expect(try problem("::: module-widths module=inception_3b") == nil)
    }

    /// A stand-in widget exercising the argument kinds no registered widget uses yet.
    @Test func integerNumberAndSampleClassArguments() throws {
        let probe = WidgetRegistry([WidgetDefinition(
            name: "probe", summary: "test",
            arguments: [
                .optional("size", .integer(1...64), default: "32", help: ""),
                .optional("tolerance", .number(0...1), default: "0.5", help: ""),
                .optional("sample", .sampleClass, default: "dot", help: ""),
            ],
            compute: { arguments in
                .table(WidgetTable(title: "", columns: [.init("size")], rows: [[String(try arguments.integer("size"))]]))
            })])
        #expect(try problem("::: probe size=65", registry: probe)?.contains("65 is outside 1...64") == true)
        #expect(try problem("::: probe size=3.5", registry: probe)?.contains("'3.5' is not a whole number") == true)
        #expect(try problem("::: probe tolerance=nan", registry: probe)?.contains("is not a number") == true)
        #expect(try problem("::: probe sample=hexagon", registry: probe)?.contains("not one of ring-small") == true)
        #expect(try problem("::: probe size=64 tolerance=1 sample=triangle", registry: probe) == nil)
        // Defaults fill in what the line leaves out.
        let content = probe.evaluate(try directive("::: probe"))
        #expect(content == .success(.table(WidgetTable(title: "", columns: [.init("size")], rows: [["32"]]))))
    }

    @Test func everyDefaultIsAValidValue() throws {
        for definition in WidgetRegistry.standard.definitions {
            for spec in definition.arguments {
                guard let value = spec.defaultValue else { continue }
                #expect(spec.kind.problem(with: value, network: Preset.tiny.description) == nil, "\(definition.name).\(spec.name)")
            }
        }
    }

    /// Widths of the tiny 3a as the preset defines them; output 8 + 16 + 8 + 8 by hand.
    @Test func moduleWidthsOfTiny3a() throws {
        guard case .success(.table(let table)) = WidgetRegistry.standard.evaluate(try directive("::: module-widths module=3a")) else {
            Issue.record("module-widths failed")
            return
        }
        #expect(table.columns.map(\.title) == ["n1x1", "n3x3red", "n3x3", "n5x5red", "n5x5", "poolproj", "output"])
        #expect(table.rows == [["8", "8", "16", "4", "8", "8", "40"]])
        #expect(table.notes.contains("The module reads 16x16x16 and writes 40x16x16."))
    }

    /// GoogLeNet's inception (3a) outputs 256 channels at 28x28 (Table 1 of the paper).
    @Test func moduleWidthsOfGooglenet3a() throws {
        guard case .success(.table(let table)) = WidgetRegistry.standard.evaluate(try directive("::: module-widths preset=googlenet module=3a")) else {
            Issue.record("module-widths failed")
            return
        }
        #expect(table.rows.first?.last == "256")
        #expect(table.notes.contains("The module reads 192x28x28 and writes 256x28x28."))
    }

    /// With naive modules the pool branch passes its input through: 3a gives 8 + 16 + 8 + 16 = 48
    /// channels, 3b 16 + 24 + 12 + 48 = 100, 4a 24 + 32 + 16 + 100 = 172.
    @Test func networkShapesNaiveGrowth() throws {
        guard case .success(.table(let table)) = WidgetRegistry.standard.evaluate(try directive("::: network-shapes naive=true")) else {
            Issue.record("network-shapes failed")
            return
        }
        let outputs = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0[3]) })
        #expect(outputs["inception_3a"] == "48x16x16")
        #expect(outputs["inception_3b"] == "100x16x16")
        #expect(outputs["inception_4a"] == "172x8x8")
        #expect(table.rows.first == ["stem", "conv 3x3/1", "1x32x32", "16x32x32"])
    }

    @Test func computeFailuresBecomeDiagnostics() throws {
        let broken = WidgetRegistry([WidgetDefinition(name: "broken", summary: "", arguments: [],
                                                      compute: { _ in throw UserError("no trained weights") })])
        #expect(broken.evaluate(try directive("::: broken")) == .failure(
            LessonDiagnostic(file: "w.md", line: 12, message: "broken: no trained weights")))
    }
}
