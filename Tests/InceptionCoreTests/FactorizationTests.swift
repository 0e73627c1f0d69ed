import Foundation
import Testing
@testable import InceptionCore

/// `factorize` counted by hand and carried through `--set`, descriptions and tables.
@Suite struct FactorizationTests {
    func module(_ preset: Preset, _ assignment: String) throws -> LayerCost {
        let net = try preset.description.applying(assignments: [assignment])
        return CostModel(net).layers().first { $0.layer.name == "inception_3a" }!
    }

    // tiny 3a reads 16 channels at 16x16 (256 positions); widths 8, 8 16, 4 8, 8.
    //   none:       16*8 + 16*8 + 8*16*9 + 16*4 + 4*8*25 + 16*8          = 2,400 weights
    //   stacked:    the 5x5 (800) becomes 4*8*9 + 8*8*9 = 288 + 576     = 2,464
    //   asymmetric: 3x3 (1,152) -> 8*8*3 + 8*16*3 = 192 + 384;
    //               5x5 (800)   -> 4*4*5 + 4*8*5  = 80 + 160            = 1,264
    // Biases: 8+8+16+4+8+8 = 52; stacked adds the 8 of its second 3x3 (60);
    // asymmetric the 8 and 4 of its two 1xk (64).
    // ptflops adds one per ReLU output (every bias channel x 256) and the 16*256 pool inputs.
    @Test(arguments: [("none", 2_400, 52), ("stacked", 2_464, 60), ("asymmetric", 1_264, 64)])
    func tiny3aByHand(_ kind: String, weights: Int, biases: Int) throws {
        let c = try module(.tiny, "3a.factorize=\(kind)").reduced
        #expect(Convention.paper.parameters(c) == weights)
        #expect(Convention.paper.operations(c, unit: .macs) == weights * 256)
        #expect(Convention.paper.operations(c, unit: .flops) == 2 * weights * 256)
        #expect(Convention.torchinfo.parameters(c) == weights + biases)
        #expect(Convention.torchinfo.operations(c, unit: .macs) == (weights + biases) * 256)
        #expect(Convention.fvcore.operations(c, unit: .macs) == weights * 256)
        #expect(Convention.ptflops.operations(c, unit: .macs) == (weights + 2 * biases) * 256 + 16 * 256)
    }

    // GoogLeNet 3a reads 192 channels at 28x28 (784 positions); widths 64, 96 128, 16 32, 32.
    //   none:       192*64 + 192*96 + 96*128*9 + 192*16 + 16*32*25 + 192*32 = 163,328
    //   stacked:    5x5 12,800 -> 16*32*9 + 32*32*9 = 4,608 + 9,216 = 13,824   = 164,352
    //   asymmetric: 3x3 110,592 -> 96*96*3 + 96*128*3 = 27,648 + 36,864;
    //               5x5 12,800  -> 16*16*5 + 16*32*5  = 1,280 + 2,560           = 108,288
    @Test(arguments: [("none", 163_328), ("stacked", 164_352), ("asymmetric", 108_288)])
    func googlenet3aByHand(_ kind: String, weights: Int) throws {
        let l = try module(.googlenet, "3a.factorize=\(kind)")
        #expect(Convention.paper.parameters(l.reduced) == weights)
        #expect(Convention.paper.operations(l.reduced, unit: .macs) == weights * 784)
    }

    @Test func addedRowsAndSaving() throws {
        let net = try Preset.googlenet.description.applying(assignments: ["3a.factorize=asymmetric"])
        let model = CostModel(net)
        let saving = try #require(model.factorizationSavings().first)
        #expect(model.factorizationSavings().count == 1)
        #expect(saving.addedRows.map(\.conv.label) == ["3x3 1x3", "3x3 3x1", "5x5 1x5", "5x5 5x1"])
        #expect(saving.addedRows.map { Convention.paper.parameters($0.cost) } == [27_648, 36_864, 1_280, 2_560])
        let s = saving.saving(.paper, unit: .macs)
        #expect(abs(s.parameters! - (1 - 108_288.0 / 163_328)) < 1e-12)
        let table = try TableRequest(kind: .costs, preset: .googlenet, assignments: ["3a.factorize=asymmetric"]).table()
        let names = table.rows.map { $0[0].plain }
        let at = try #require(names.firstIndex(of: "inception_3a"))
        #expect(Array(names[at + 1...at + 4]) == ["inception_3a.branch3x3_1", "inception_3a.branch3x3_2",
                                                  "inception_3a.branch5x5_1", "inception_3a.branch5x5_2"])
        #expect(table.notes.contains { $0.hasPrefix("inception_3a factorize=asymmetric") && $0.contains("saves 33.7% parameters") })
    }

    @Test func setParsesAndRefuses() throws {
        let net = try Preset.tiny.description.applying(assignments: ["inception_3b.factorize=Asymmetric", "3b.n1x1=5"])
        #expect(net.module(named: "3b")?.spec.factorize == .asymmetric)
        #expect(net.module(named: "3b")?.spec.widths.n1x1 == 5)
        #expect(net.widthAssignments(from: Preset.tiny.description) == ["3b.n1x1=5", "3b.factorize=asymmetric"])
        #expect(throws: UserError("unknown factorization 'twisted' (factorizations: none, stacked, asymmetric)")) {
            try Preset.tiny.description.applying(assignments: ["3a.factorize=twisted"])
        }
        #expect(throws: UserError.self) { try Preset.tiny.description.applying(assignments: ["9z.factorize=stacked"]) }
    }

    /// `none` is not written, so every existing description encodes as before;
    /// other values are written and read back.
    @Test func encodedOnlyWhenSet() throws {
        let plain = Preset.tiny.description
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!json.contains("factorize"))
        let stacked = plain.withFactorization(.stacked)
        let data = try JSONEncoder().encode(stacked)
        #expect(String(decoding: data, as: UTF8.self).contains("\"factorize\":\"stacked\""))
        #expect(try JSONDecoder().decode(NetworkDescription.self, from: data) == stacked)
        #expect(try JSONDecoder().decode(NetworkDescription.self, from: JSONEncoder().encode(plain)) == plain)
    }

    /// A factorised network saves and loads with its description.
    @Test func weightsFileKeepsTheFactorization() throws {
        let desc = try Preset.tiny.description.applying(assignments: ["3a.factorize=stacked", "4a.factorize=asymmetric"])
        let net = try InceptionNetwork(desc, seed: 3)
        let path = try DataFixtures.scratchDirectory() + "/f.safetensors"
        try NetworkFile.write(net, to: path)
        let loaded = try NetworkFile.load(path: path)
        #expect(loaded.description == desc)
        #expect(loaded.parameters == net.parameters)
        // Without the description (a PyTorch state_dict saved as it is), the tensor names tell.
        var bare = try SafeTensors.read(path: path)
        bare.metadata = [:]
        #expect(try NetworkFile.network(from: bare, source: "bare").description == desc)
    }
}
