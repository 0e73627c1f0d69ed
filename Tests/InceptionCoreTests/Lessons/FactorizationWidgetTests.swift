import Foundation
import Testing
@testable import InceptionCore

/// The factorised worked example and the `factorization` widget, against hand counts.
@Suite struct FactorizationWidgetTests {
    let env: TemporaryWidgetEnvironment
    init() throws { env = try TemporaryWidgetEnvironment() }

    /// Equal widths, the paper's ratios (v3 §3.1, §3.2): two 3x3 for a 5x5 is
    /// 18 against 25 weights per channel pair, 1x3 + 3x1 for a 3x3 is 6 against 9.
    @Test func equalWidthsGiveThePapersSavings() throws {
        let stacked = try WorkedExample(inChannels: 64, outChannels: 64, reduce: 64, size: 35, kernel: 5, factorize: .stacked)
        #expect(stacked.kernelParameters == 18 * 64 * 64 && stacked.plainKernelParameters == 25 * 64 * 64)
        #expect(abs(stacked.factorizationSaving - 7.0 / 25) < 1e-12)
        let asymmetric = try WorkedExample(inChannels: 64, outChannels: 64, reduce: 64, size: 17, kernel: 3, factorize: .asymmetric)
        #expect(abs(asymmetric.factorizationSaving - 3.0 / 9) < 1e-12)
        // A 7x7 stacks three 3x3: 27 against 49 per pair.
        let seven = try WorkedExample(inChannels: 8, outChannels: 8, reduce: 8, size: 17, kernel: 7, factorize: .stacked)
        #expect(seven.kernelLayers.count == 3 && seven.kernelParameters == 27 * 64)
        #expect(throws: UserError.self) { try WorkedExample(kernel: 4, factorize: .stacked) }
        let table = try env.table("::: cost-example in=64 out=64 reduce=64 size=35 kernel=5 factorize=stacked")
        #expect(table.notes.contains { $0.contains("saves 28.0%") })
        #expect(try env.table("::: cost-example").notes.allSatisfy { !$0.contains("factorize") })
    }

    /// The article's example (192 -> 96 -> 256, 3x3 at 32x32) made asymmetric:
    /// 192*96 + 96*96*3 + 96*256*3 = 119,808 weights.
    @Test func articleExampleAsymmetric() throws {
        let e = try WorkedExample(factorize: .asymmetric)
        #expect(e.reducedParameters == 119_808)
        #expect(e.reducedMultiplies == 119_808 * 1024)
        let json = e.table().rendered(as: .json)
        #expect(json.contains("\"factorize\": \"asymmetric\"") || json.contains("\"factorize\":\"asymmetric\""))
    }

    /// GoogLeNet 3a, by hand: the 3x3 kernel 96*128*9 = 110,592, asymmetric
    /// 96*96*3 + 96*128*3 = 64,512; the 5x5 16*32*25 = 12,800, stacked
    /// 16*32*9 + 32*32*9 = 13,824, asymmetric 16*16*5 + 16*32*5 = 3,840. Module
    /// weights 163,328 / 164,352 / 108,288 (FactorizationTests).
    @Test func googlenet3aTable() throws {
        let t = try env.table("::: factorization preset=googlenet module=3a")
        #expect(t.rows.map { $0[0] } == ["none", "stacked", "asymmetric"])
        #expect(t.rows.map { $0[1] } == ["110,592", "110,592", "64,512"])
        #expect(t.rows.map { $0[3] } == ["12,800", "13,824", "3,840"])
        #expect(t.rows.map { $0[4] } == ["5x5", "5x5", "5x5"])
        #expect(t.rows.map { $0[5] } == ["163,328", "164,352", "108,288"])
        #expect(t.rows[2][7] == "-33.7%")
        // torchvision's "5x5" is a 3x3: the plain branch sees 3x3, two stacked 3x3 see 5x5.
        let tv = try env.table("::: factorization preset=torchvision module=3a")
        #expect(tv.rows.map { $0[4] } == ["3x3", "5x5", "3x3"])
    }
}
