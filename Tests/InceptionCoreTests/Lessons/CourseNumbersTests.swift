import Foundation
import Testing
@testable import InceptionCore

/// The numbers issue 10 corrected or added to the lessons, each recomputed here by
/// plain arithmetic from the presets' widths and shapes (or the paper's printed
/// Table 1) and compared with what the widgets and computed answers show.
@Suite struct CourseNumbersTests {
    private let googlenet = Preset.googlenet.description
    private let registry = WidgetRegistry.standard

    private func widget(_ line: String) throws -> WidgetContent {
        let document = LessonParser.parse(line + "\n", file: "test.md")
        let directive = try #require(document.directives.first)
        return try registry.evaluate(directive).get()
    }

    private func table(_ line: String) throws -> WidgetTable {
        guard case .table(let table) = try widget(line) else { throw UserError("\(line) is not a table") }
        return table
    }

    private func value(_ reference: String) throws -> Double {
        try ComputedValue.resolve(reference).value
    }

    /// Lesson 10, point 1: (n3x3 + n5x5) / output per module, from the preset's widths;
    /// §4 wants it to rise with height, and Table 1's widths do not.
    @Test func largeKernelShareDoesNotGrow() throws {
        let shares = googlenet.modules.map { m in
            100 * Double(m.widths.n3x3 + m.widths.n5x5) / Double(m.widths.n1x1 + m.widths.n3x3 + m.widths.n5x5 + m.widths.poolProj)
        }
        let shown = try table("::: branch-shares preset=googlenet")
        #expect(shown.rows.map { $0[0] } == googlenet.modules.map(\.name.short))
        // Shown to one decimal: 62.5, 60.0, 50.0, 56.3, 62.5, 66.7, 53.8, 53.8, 50.0.
        for (row, share) in zip(shown.rows, shares) { #expect(abs(try #require(Double(row[4])) - share) <= 0.05 + 1e-9, "\(row)") }
        let rises = zip(shares, shares.dropFirst()).filter { $1 > $0 }.count
        #expect(rises < shares.count - 1)
        #expect(shown.notes.joined().contains("rises \(rises) of \(shares.count - 1) times"))
        #expect(shares.last! <= shares.min()! + 1e-9)
        #expect(try value("googlenet.5b.share") == shares.last!)
    }

    /// Lessons 1 and 10, point 8: conv1 as printed (2.7K / 34M) is a depthwise-separable
    /// 7x7 with multiplier 8; the plain 7x7 the row names is 9,408 weights, 118.0M.
    @Test func conv1IsADepthwiseSeparable7x7() throws {
        let shaped = try #require(googlenet.shapedLayers().first)
        guard case .conv(let conv) = shaped.layer else { Issue.record("conv1 is not a convolution"); return }
        let cin = googlenet.input.c, cout = conv.outChannels, k2 = conv.kernel * conv.kernel
        let positions = shaped.output.h * shaped.output.w
        let separable = cin * 8 * k2 + cin * 8 * cout
        let plain = cin * cout * k2
        let stem = try #require(SeparableStem())
        #expect(stem.separableWeights == separable && stem.plainWeights == plain)
        #expect(stem.separableMultiplies == separable * positions && stem.plainMultiplies == plain * positions)
        let printed = try #require(Table1Comparison.printed["conv1"])
        // Printed in K = 1000 (2.7) and M = 10^6 (34), rounded.
        #expect((Double(separable) / 100).rounded() / 10 == printed.paramsK)
        #expect((Double(separable * positions) / 1e6).rounded() == printed.opsM)
        #expect(Double(plain * positions) / 1e6 > 3 * printed.opsM)
        #expect(try value("budget.conv1-separable-weights") == Double(separable))
        #expect(try value("budget.conv1-plain-multiplies") == Double(plain * positions))
    }

    /// Section 2, the budget: Table 1's ops column summed, and the network with either stem.
    @Test func budgetWithPlainAndSeparableStem() throws {
        let printedSum = Table1Comparison.printed.values.map(\.opsM).reduce(0, +)
        let plain = CostModel(googlenet).layers().map { Convention.paper.operations($0.reduced, unit: .macs) }.reduce(0, +)
        let stem = try #require(SeparableStem())
        let budget = ComputeBudget()
        #expect(budget.printedOpsM == printedSum)
        #expect(budget.plainMultiplies == plain)
        #expect(budget.separableMultiplies == plain - stem.plainMultiplies + stem.separableMultiplies)
        // The separable stem brings the count within 1% of §1's 1.5 billion, the plain one not.
        #expect(abs(Double(budget.separableMultiplies) / 1.5e9 - 1) < 0.01)
        #expect(Double(budget.plainMultiplies) / 1.5e9 - 1 > 0.05)
        #expect(abs(printedSum * 1e6 / 1.5e9 - 1) < 0.01)
        let shown = try table("::: budget")
        #expect(shown.rows.contains { $0.last == NumberText.integer(plain, grouped: true) })
        #expect(shown.rows.contains { $0.last == NumberText.integer(budget.separableMultiplies, grouped: true) })
        #expect(try value("budget.separable") == Double(budget.separableMultiplies))
    }

    /// Section 2: an auxiliary head's weights (1x1 conv, two fully connected layers, no
    /// bias) against the main network's; lesson 9 says "close to half".
    @Test func auxiliaryHeadWeights() throws {
        let head = try #require(googlenet.auxHeads.first)
        let input = try #require(googlenet.outputShape(ofModule: head.after))
        // Lesson 9's description (§5): 5x5/3 pool of 4a's 14x14 maps to 4x4, 128 filters, 1024 units, 70% dropout.
        #expect(head.poolKernel == 5 && head.poolStride == 3 && head.pool.outputSize(input.h) == 4 && input.h == 14)
        #expect(input.c == 512 && head.convOut == 128 && head.hidden == 1024 && head.dropout == 0.7)
        let pooled = head.pool.outputSize(input.h) * head.pool.outputSize(input.w)
        let weights = input.c * head.convOut + head.convOut * pooled * head.hidden + head.hidden * googlenet.classes
        #expect(try value("aux-heads.googlenet.weights") == Double(weights))
        let main = Convention.paper.parameters(CostModel(googlenet).totals().reduced)
        #expect((0.4...0.5).contains(Double(weights) / Double(main)))
        let notes = try table("::: aux-heads preset=googlenet").notes.joined()
        #expect(notes.contains(NumberText.integer(weights, grouped: true)) && notes.contains(NumberText.integer(main, grouped: true)))
    }

    /// Lessons 3 to 5: the derived module values the questions ask for.
    @Test func derivedModuleValues() throws {
        let (i3a, m3a) = try #require(googlenet.module(named: "3a"))
        let (i3b, m3b) = try #require(googlenet.module(named: "3b"))
        let in3a = googlenet.shapedLayers()[i3a].input, in3b = googlenet.shapedLayers()[i3b].input
        #expect(try value("googlenet.3b.input") == Double(m3a.widths.n1x1 + m3a.widths.n3x3 + m3a.widths.n5x5 + m3a.widths.poolProj))
        let w = m3b.widths
        #expect(try value("googlenet.3b.per-input-channel") == Double((w.n1x1 + w.n3x3red + w.n5x5red + w.poolProj) * in3b.h * in3b.w))
        // The 5x5 branch of 3a as lesson 3's cost-example widget counts it.
        let a = m3a.widths, positions = in3a.h * in3a.w
        let direct = in3a.c * a.n5x5 * 25 * positions
        let reduced = (in3a.c * a.n5x5red + a.n5x5red * a.n5x5 * 25) * positions
        #expect(abs(try value("googlenet.3a.5x5-percent") - 100 * Double(reduced) / Double(direct)) < 1e-9)
        #expect(try value("tiny.3b.input") == Double(try #require(Preset.tiny.description.module(named: "3a")).spec.widths.outChannels))
    }

    /// Lesson 10, point 8: each flagged row of Table 1 is explained under the table.
    @Test func table1FlaggedRowsAreExplained() throws {
        let rows = Table1Comparison().rows
        let readings = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.reading.map { (r.layer, $0) } })
        #expect(Set(readings.keys) == Set(rows.filter(\.flagged).map(\.layer)))
        #expect(readings["conv1"]?.contains("depthwise-separable") == true)
        let linear = try #require(rows.first { $0.layer == "linear" })
        #expect(linear.paramsAgree && !linear.opsAgree && linear.computedOpsM.rounded() == linear.printedOpsM)
        #expect(readings["linear"]?.contains("rounded") == true)
        for layer in ["inception_4c", "inception_4d", "inception_5a", "inception_5b"] {
            #expect(readings[layer]?.contains("no cause") == true, "\(layer)")
        }
        let shown = try table("::: table1")
        #expect(readings.values.allSatisfy(shown.notes.contains))
        // The flagged linear row shows the 1.02 (1,024,000 multiply-adds) its flag is about.
        #expect(shown.row("linear") == ["linear", "1,000.0", "1,000.0", "1", "1.02", "DIFFERS"])
    }

    /// Lesson 8: the flattened head outweighs all the rest of the network together.
    @Test func flattenedHeadOutweighsTheRest() throws {
        for preset in ["googlenet", "tiny"] {
            let shown = try table("::: heads preset=\(preset)")
            let fc = try #require(shown.rows.first { $0[0].hasPrefix("flatten") })
            #expect(try #require(Double(fc[4])) > 50, "\(preset)")
        }
    }

    /// Lessons 8 and 10: dropout 40% before GoogLeNet's classifier; torchvision's pool
    /// after 4e is 2x2/2 and its dropout 0.2; its pools round up, the googlenet preset
    /// pads and rounds down to the same map sizes.
    @Test func torchvisionDifferences() {
        let torchvision = Preset.torchvision.description
        func pools(_ n: NetworkDescription) -> [PoolSpec] { n.layers.compactMap { if case .maxPool(let p) = $0 { p } else { nil } } }
        func dropout(_ n: NetworkDescription) -> Double? { n.layers.lazy.compactMap { if case .dropout(_, let rate) = $0 { rate } else { nil } }.first }
        #expect(dropout(googlenet) == 0.4 && dropout(torchvision) == 0.2)
        let tvLast = pools(torchvision).last, gnLast = pools(googlenet).last
        #expect(tvLast?.kernel == 2 && tvLast?.stride == 2 && gnLast?.kernel == 3 && gnLast?.stride == 2)
        #expect(pools(torchvision).allSatisfy(\.ceilMode) && !pools(googlenet).contains(where: \.ceilMode))
        let sizes = { (n: NetworkDescription) in n.shapedLayers().filter { if case .maxPool = $0.layer { true } else { false } }.map(\.output.h) }
        #expect(sizes(googlenet) == sizes(torchvision) && sizes(googlenet) == [56, 28, 14, 7])
    }
}
