import Foundation
import Testing
@testable import InceptionCore

/// Naive modules that really run: widths, parameters and the pass-through pool
/// branch, against hand counts and the cost model's independent whole-naive reading.
@Suite struct NaiveModuleTests {
    var naiveTiny: NetworkDescription {
        var d = Preset.tiny.description.withNaiveModules()
        d.auxHeads = []
        return d
    }

    // Naive tiny, by hand (n1x1 + n3x3 + n5x5 + input channels out of every module):
    //   3a in 16 -> 8 + 16 + 8 + 16 = 48;  3b in 48 -> 16 + 24 + 12 + 48 = 100
    //   4a in 100 -> 24 + 32 + 16 + 100 = 172
    // Weights: stem 144; 3a 16*8 + 16*16*9 + 16*8*25 = 5,632; 3b 48*16 + 48*24*9 + 48*12*25 = 25,536;
    //   4a 100*24 + 100*32*9 + 100*16*25 = 71,200; classifier 172*10 = 1,720 -> 104,232.
    // Biases: 16 + 32 + 52 + 72 + 10 = 182 -> 104,414 parameters.
    @Test func widthsAndParametersByHand() throws {
        let shapes = naiveTiny.shapedLayers().filter { if case .inception = $0.layer { true } else { false } }
        #expect(shapes.map(\.output.c) == [48, 100, 172])
        let net = try InceptionNetwork(naiveTiny, seed: 1)
        #expect(net.parameters.values.count == 104_414)
        #expect(!net.parameters.names.contains { $0.contains("_reduce") || $0.contains("pool_proj") })
        #expect(net.parameters.entry("inception3b.branch5x5.weight")?.shape == [12, 48, 5, 5])
    }

    @Test func costModelAgreesWithWholeNaiveReading() {
        let built = CostModel(naiveTiny).totals().reduced
        let read = CostModel(Preset.tiny.description).totals(wholeNaive: true).naive
        #expect(built.weights == read.weights)
        #expect(built.multiplyAdds == read.multiplyAdds)
        #expect(Convention.torchinfo.parameters(built) == 104_414)
    }

    @Test func poolBranchPassesTheInputThrough() throws {
        let net = try InceptionNetwork(naiveTiny, seed: 2)
        let x = Tensor(shape: [1, 1, 32, 32], data: GradientCheck.random(1024, seed: 3))
        var rng = SeededGenerator(seed: 0)
        let pass = net.forward(x, training: false, rng: &rng)
        let module = pass.layers[2]
        #expect(module.output.shape == [1, 48, 16, 16])
        // The last 16 output channels are the 3x3/1 max pool of the 16 input channels.
        let plane = 16 * 16
        let input = module.input.data
        for c in [0, 15] {
            for (y, xx) in [(0, 0), (7, 9), (15, 15)] {
                var best = -Float.infinity
                for dy in -1...1 { for dx in -1...1 {
                    let (yy, xs) = (y + dy, xx + dx)
                    if yy >= 0, yy < 16, xs >= 0, xs < 16 { best = max(best, input[c * plane + yy * 16 + xs]) }
                } }
                #expect(module.output.data[(32 + c) * plane + y * 16 + xx] == best)
            }
        }
        #expect(pass.logits.shape == [1, 10])
    }

    @Test func descriptionsWithoutTheFlagDecodeAsReduced() throws {
        let json = #"{"name":{"short":"3a"},"widths":{"n1x1":1,"n3x3red":1,"n3x3":1,"n5x5red":1,"n5x5":1,"poolProj":1}}"#
        let spec = try JSONDecoder().decode(InceptionSpec.self, from: Data(json.utf8))
        #expect(!spec.naive)
        let naive = InceptionSpec(name: spec.name, widths: spec.widths, naive: true)
        let again = try JSONDecoder().decode(InceptionSpec.self, from: JSONEncoder().encode(naive))
        #expect(again.naive)
        #expect(!String(decoding: try JSONEncoder().encode(spec), as: UTF8.self).contains("naive"))
    }
}
